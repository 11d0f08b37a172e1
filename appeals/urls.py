from django.urls import path

from .views import enterprise, track, window

app_name = "appeals"

TN = "<str:tracking_number>"

urlpatterns = [
    path("appeals/", enterprise.appeal_list, name="list"),
    path("appeals/new/", enterprise.appeal_new, name="new"),
    path(f"appeals/{TN}/", enterprise.appeal_detail, name="detail"),
    path(f"appeals/{TN}/submitted/", enterprise.appeal_submitted, name="submitted"),
    path(f"appeals/{TN}/edit/", enterprise.appeal_edit, name="edit"),
    path(f"appeals/{TN}/reply/", enterprise.appeal_reply, name="reply"),
    path(f"appeals/{TN}/rate/", enterprise.appeal_rating, name="rate"),
    path(f"appeals/{TN}/files/<int:pk>/", enterprise.attachment_download, name="file"),
    path("track/", track.track_lookup, name="track"),
    path("track/<slug:secret>/", track.track_secret, name="track_secret"),
    path("office/appeals/", window.queue, name="queue"),
    path("office/appeals/new/", window.walk_in, name="walk_in"),
    path(f"office/appeals/{TN}/", window.window_detail, name="window_detail"),
    path(f"office/appeals/{TN}/accept/", window.accept, name="accept"),
    path(f"office/appeals/{TN}/return/", window.return_for_info, name="return"),
    path(f"office/appeals/{TN}/reject/", window.reject, name="reject"),
    path(f"office/appeals/{TN}/answer/", window.answer, name="answer"),
]
