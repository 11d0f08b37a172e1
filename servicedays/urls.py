from django.urls import path

from .views import calendar as ics
from .views import enterprise, office

app_name = "servicedays"

CODE = "<str:code>"

urlpatterns = [
    path("service-days/", enterprise.calendar, name="calendar"),
    path("service-days/calendar.ics", ics.park_feed, name="feed"),
    path("service-days/mine/", enterprise.mine, name="mine"),
    path("service-days/<int:pk>/", enterprise.day_detail, name="day"),
    path("service-days/<int:pk>/book/", enterprise.book, name="book"),
    path("service-days/<int:pk>/waitlist/", enterprise.join_waitlist, name="waitlist"),
    path("service-days/waitlist/<int:pk>/leave/", enterprise.leave_waitlist, name="leave"),
    path(f"service-days/bookings/{CODE}/", enterprise.booking_detail, name="booking"),
    path(f"service-days/bookings/{CODE}/booking.ics", ics.booking_ics, name="booking_ics"),
    path(f"service-days/bookings/{CODE}/cancel/", enterprise.cancel, name="cancel"),
    path(f"service-days/bookings/{CODE}/move/", enterprise.move, name="move"),
    path("office/service-days/", office.day_list, name="office_list"),
    path("office/service-days/new/", office.day_new, name="office_new"),
    path("office/service-days/check-in/", office.check_in_lookup, name="office_check_in"),
    path("office/service-days/<int:pk>/", office.day_detail, name="office_day"),
    path("office/service-days/<int:pk>/publish/", office.publish, name="office_publish"),
    path("office/service-days/<int:pk>/cancel/", office.cancel_day, name="office_cancel"),
    path(f"office/service-days/bookings/{CODE}/", office.booking_detail, name="office_booking"),
    path(f"office/service-days/bookings/{CODE}/check-in/", office.check_in, name="check_in"),
    path(f"office/service-days/bookings/{CODE}/outcome/", office.outcome, name="outcome"),
    path(f"office/service-days/bookings/{CODE}/appeal/", office.follow_up_appeal, name="appeal"),
]
