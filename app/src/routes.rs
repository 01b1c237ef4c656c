//! The screens loaded on demand. Each is a route whose view lives in its own piece of the WASM
//! bundle when the app is built with `cargo leptos build --split`: a participant's first visit
//! downloads Home, Scan and sign-in only, and the admin area, the manager's portal, the shop and
//! the rest arrive when first opened. Without `--split` they are ordinary routes. (One impl per
//! screen, written out: the split points are named after where they are written.)

use crate::admin::{
    AdminAdjustPage, AdminAuditPage, AdminBatchPage, AdminBatchesPage, AdminCampaignsPage,
    AdminCodesPage, AdminHomePage, AdminProductsPage,
};
use crate::earn::HistoryPage;
use crate::org::{
    AdminCompaniesPage, AdminCompanyPage, InvitePage, JoinPage, JoinVerifyPage, MemberPage,
    TeamInvitesPage, TeamPage,
};
use crate::profile::ProfilePage;
use crate::shop::{
    AdminOrderPage, AdminOrdersPage, AdminRewardsPage, OrderPage, OrdersPage, RewardPage, ShopPage,
};
use leptos::prelude::*;
use leptos_router::{LazyRoute, lazy_route};

pub struct AdminHome;
#[lazy_route]
impl LazyRoute for AdminHome {
    fn data() -> Self {
        AdminHome
    }
    fn view(_this: Self) -> AnyView {
        view! { <AdminHomePage/> }.into_any()
    }
}

pub struct AdminProducts;
#[lazy_route]
impl LazyRoute for AdminProducts {
    fn data() -> Self {
        AdminProducts
    }
    fn view(_this: Self) -> AnyView {
        view! { <AdminProductsPage/> }.into_any()
    }
}

pub struct AdminBatches;
#[lazy_route]
impl LazyRoute for AdminBatches {
    fn data() -> Self {
        AdminBatches
    }
    fn view(_this: Self) -> AnyView {
        view! { <AdminBatchesPage/> }.into_any()
    }
}

pub struct AdminBatch;
#[lazy_route]
impl LazyRoute for AdminBatch {
    fn data() -> Self {
        AdminBatch
    }
    fn view(_this: Self) -> AnyView {
        view! { <AdminBatchPage/> }.into_any()
    }
}

pub struct AdminCodes;
#[lazy_route]
impl LazyRoute for AdminCodes {
    fn data() -> Self {
        AdminCodes
    }
    fn view(_this: Self) -> AnyView {
        view! { <AdminCodesPage/> }.into_any()
    }
}

pub struct AdminCampaigns;
#[lazy_route]
impl LazyRoute for AdminCampaigns {
    fn data() -> Self {
        AdminCampaigns
    }
    fn view(_this: Self) -> AnyView {
        view! { <AdminCampaignsPage/> }.into_any()
    }
}

pub struct AdminAdjust;
#[lazy_route]
impl LazyRoute for AdminAdjust {
    fn data() -> Self {
        AdminAdjust
    }
    fn view(_this: Self) -> AnyView {
        view! { <AdminAdjustPage/> }.into_any()
    }
}

pub struct AdminAudit;
#[lazy_route]
impl LazyRoute for AdminAudit {
    fn data() -> Self {
        AdminAudit
    }
    fn view(_this: Self) -> AnyView {
        view! { <AdminAuditPage/> }.into_any()
    }
}

pub struct AdminRewards;
#[lazy_route]
impl LazyRoute for AdminRewards {
    fn data() -> Self {
        AdminRewards
    }
    fn view(_this: Self) -> AnyView {
        view! { <AdminRewardsPage/> }.into_any()
    }
}

pub struct AdminOrders;
#[lazy_route]
impl LazyRoute for AdminOrders {
    fn data() -> Self {
        AdminOrders
    }
    fn view(_this: Self) -> AnyView {
        view! { <AdminOrdersPage/> }.into_any()
    }
}

pub struct AdminOrder;
#[lazy_route]
impl LazyRoute for AdminOrder {
    fn data() -> Self {
        AdminOrder
    }
    fn view(_this: Self) -> AnyView {
        view! { <AdminOrderPage/> }.into_any()
    }
}

pub struct AdminCompanies;
#[lazy_route]
impl LazyRoute for AdminCompanies {
    fn data() -> Self {
        AdminCompanies
    }
    fn view(_this: Self) -> AnyView {
        view! { <AdminCompaniesPage/> }.into_any()
    }
}

pub struct AdminCompany;
#[lazy_route]
impl LazyRoute for AdminCompany {
    fn data() -> Self {
        AdminCompany
    }
    fn view(_this: Self) -> AnyView {
        view! { <AdminCompanyPage/> }.into_any()
    }
}

pub struct Team;
#[lazy_route]
impl LazyRoute for Team {
    fn data() -> Self {
        Team
    }
    fn view(_this: Self) -> AnyView {
        view! { <TeamPage/> }.into_any()
    }
}

pub struct TeamInvites;
#[lazy_route]
impl LazyRoute for TeamInvites {
    fn data() -> Self {
        TeamInvites
    }
    fn view(_this: Self) -> AnyView {
        view! { <TeamInvitesPage/> }.into_any()
    }
}

pub struct Member;
#[lazy_route]
impl LazyRoute for Member {
    fn data() -> Self {
        Member
    }
    fn view(_this: Self) -> AnyView {
        view! { <MemberPage/> }.into_any()
    }
}

pub struct Join;
#[lazy_route]
impl LazyRoute for Join {
    fn data() -> Self {
        Join
    }
    fn view(_this: Self) -> AnyView {
        view! { <JoinPage/> }.into_any()
    }
}

pub struct JoinVerify;
#[lazy_route]
impl LazyRoute for JoinVerify {
    fn data() -> Self {
        JoinVerify
    }
    fn view(_this: Self) -> AnyView {
        view! { <JoinVerifyPage/> }.into_any()
    }
}

pub struct Invite;
#[lazy_route]
impl LazyRoute for Invite {
    fn data() -> Self {
        Invite
    }
    fn view(_this: Self) -> AnyView {
        view! { <InvitePage/> }.into_any()
    }
}

pub struct Shop;
#[lazy_route]
impl LazyRoute for Shop {
    fn data() -> Self {
        Shop
    }
    fn view(_this: Self) -> AnyView {
        view! { <ShopPage/> }.into_any()
    }
}

pub struct Reward;
#[lazy_route]
impl LazyRoute for Reward {
    fn data() -> Self {
        Reward
    }
    fn view(_this: Self) -> AnyView {
        view! { <RewardPage/> }.into_any()
    }
}

pub struct Orders;
#[lazy_route]
impl LazyRoute for Orders {
    fn data() -> Self {
        Orders
    }
    fn view(_this: Self) -> AnyView {
        view! { <OrdersPage/> }.into_any()
    }
}

pub struct Order;
#[lazy_route]
impl LazyRoute for Order {
    fn data() -> Self {
        Order
    }
    fn view(_this: Self) -> AnyView {
        view! { <OrderPage/> }.into_any()
    }
}

pub struct History;
#[lazy_route]
impl LazyRoute for History {
    fn data() -> Self {
        History
    }
    fn view(_this: Self) -> AnyView {
        view! { <HistoryPage/> }.into_any()
    }
}

pub struct Profile;
#[lazy_route]
impl LazyRoute for Profile {
    fn data() -> Self {
        Profile
    }
    fn view(_this: Self) -> AnyView {
        view! { <ProfilePage/> }.into_any()
    }
}
