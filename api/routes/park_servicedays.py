"""Routes of this part of the JSON API (mounted under /api/v1/): service days and the
enterprise's bookings."""

from django.urls import path

from ..views import servicedays

CODE = "<str:code>"

urlpatterns: list = [
    path("service-days/", servicedays.ServiceDayListView.as_view(), name="service_day_list"),
    path(
        "service-days/<int:pk>/",
        servicedays.ServiceDayDetailView.as_view(),
        name="service_day_detail",
    ),
    path(
        "service-days/<int:pk>/bookings/",
        servicedays.BookingCreateView.as_view(),
        name="booking_create",
    ),
    path("bookings/", servicedays.BookingListView.as_view(), name="booking_list"),
    path(f"bookings/{CODE}/", servicedays.BookingDetailView.as_view(), name="booking_detail"),
    path(
        f"bookings/{CODE}/cancel/", servicedays.BookingCancelView.as_view(), name="booking_cancel"
    ),
    path(f"bookings/{CODE}/ics", servicedays.BookingCalendarView.as_view(), name="booking_ics"),
]
