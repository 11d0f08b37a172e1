from .helpers import sms

__all__ = ["sms"]
