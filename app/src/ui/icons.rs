//! Inline SVG icons: no icon font, no extra request.

use leptos::prelude::*;

#[component]
pub fn Logo() -> impl IntoView {
    view! {
        <svg class="logo" viewBox="0 0 48 48" width="40" height="40" aria-hidden="true">
            <rect width="48" height="48" rx="12" fill="#0f5c4d" />
            <path
                d="M10 16l6 18 8-14 8 14 6-18"
                fill="none"
                stroke="#ffd166"
                stroke-width="4"
                stroke-linecap="round"
                stroke-linejoin="round"
            />
        </svg>
    }
}

#[derive(Clone, Copy)]
pub enum Icon {
    Home,
    Scan,
    Shop,
    History,
    Team,
    Profile,
}

#[component]
pub fn TabIcon(icon: Icon) -> impl IntoView {
    let d = match icon {
        Icon::Home => "M3 11l9-7 9 7v9a1 1 0 0 1-1 1h-5v-6h-6v6H4a1 1 0 0 1-1-1z",
        Icon::Scan => {
            "M4 8V5a1 1 0 0 1 1-1h3M16 4h3a1 1 0 0 1 1 1v3M20 16v3a1 1 0 0 1-1 1h-3M8 20H5a1 1 0 0 1-1-1v-3M7 12h10"
        }
        Icon::Shop => "M4 9h16l-1 11H5zM8 9V7a4 4 0 0 1 8 0v2",
        Icon::History => "M12 7v5l3 2M3 12a9 9 0 1 0 3-6.7M3 4v4h4",
        Icon::Team => {
            "M9 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM3 20a6 6 0 0 1 12 0M16 5a3 3 0 0 1 0 6M18 14a5 5 0 0 1 3 6"
        }
        Icon::Profile => "M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21a8 8 0 0 1 16 0",
    };
    view! {
        <svg
            viewBox="0 0 24 24"
            width="24"
            height="24"
            aria-hidden="true"
            fill="none"
            stroke="currentColor"
            stroke-width="2"
            stroke-linecap="round"
            stroke-linejoin="round"
        >
            <path d=d />
        </svg>
    }
}
