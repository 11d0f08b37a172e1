import datetime

from django.db import models

from .choices import SEAT_HOLDING


class ServiceDayQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=self.model.Status.PUBLISHED)

    def upcoming(self, today: datetime.date):
        return self.filter(date__gte=today).order_by("date", "start_time", "id")

    def open_for_booking(self, now: datetime.datetime):
        return self.published().filter(booking_opens_at__lte=now, booking_closes_at__gt=now)


class SlotQuerySet(models.QuerySet):
    def with_free_seats(self):
        return self.filter(booked__lt=models.F("capacity"))

    def for_department(self, department):
        return self.filter(department=department)


class BookingQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=self.model.Status.CONFIRMED)

    def holding_seat(self):
        return self.filter(status__in=SEAT_HOLDING)

    def for_enterprise(self, enterprise):
        return self.filter(enterprise=enterprise)


class WaitlistQuerySet(models.QuerySet):
    def waiting(self):
        return self.filter(status=self.model.Status.WAITING)

    def in_line(self):
        """Waiting entries, first come first served."""
        return self.waiting().order_by("created_at", "id")
