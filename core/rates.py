"""A published rate (响应率, 按时办结率, 满意率 …) as a value."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Rate:
    """A published rate. With an empty denominator there is no rate: shown "—", never 0 %."""

    numerator: int
    denominator: int

    @property
    def value(self) -> float | None:
        return self.numerator / self.denominator if self.denominator else None

    def __str__(self) -> str:
        value = self.value
        return "—" if value is None else f"{value:.1%}"
