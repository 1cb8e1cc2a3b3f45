"""AFC Desktop (老年友好社区工作台)."""

__version__ = "0.1.0"
