"""Widget figures as SVG text, drawn by the standard library alone.

Why: a widget's figure must be drawn by the same code in the kernel and in the
browser, where the course runs its Python on the Pyodide core without numpy or
matplotlib. An SVG string needs nothing but ``str``: the kernel shows it in an
``HTML`` widget (so its saved state renders on the static site with no extra
JavaScript), and the browser puts the same string in the same place.

The vocabulary follows matplotlib's, which the static figures use: a
:class:`Canvas` holds :class:`Axes`; an axes has limits, ticks, labels, a grid,
and draws lines, steps, points, bars, spans and text in data coordinates. The
course style (``course.mplstyle``) carries over: white face, Okabe-Ito colours,
10 px text, 11 px titles, 9 px tick labels, 8 px legends, grid at 0.3 alpha.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from html import escape
from typing import Sequence

#: Colour-blind-safe palette (Okabe and Ito 2008), in the course style's order.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")
FONT = "DejaVu Sans, Verdana, Arial, sans-serif"
INK, GREY, GRID = "#222", "#444", "#b3b3b3"
#: sizes are given in points, as in matplotlib; the figure is drawn at matplotlib's 100 px per inch
PT = 100 / 72
DASHES = {"--": "6 3", ":": "1.5 3", "-.": "6 3 1.5 3", "-": None, None: None}


_NUMBER = re.compile(r"[\u2212-]?[\d.,]+%?")


def fmt(value: float) -> str:
    """A coordinate with at most two decimals and no trailing zeros (short, stable output)."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def attributes(**attrs) -> str:
    """SVG attributes from keywords (``stroke_width`` -> ``stroke-width``); None is left out."""
    out = []
    for key, value in attrs.items():
        if value is None:
            continue
        if isinstance(value, float):
            value = fmt(value)
        out.append(f'{key.rstrip("_").replace("_", "-")}="{escape(str(value), quote=True)}"')
    return " ".join(out)


def nice_ticks(lo: float, hi: float, target: int = 6) -> list[float]:
    """Round tick values (1, 2, 2.5 or 5 times a power of ten) covering [lo, hi]."""
    if hi <= lo:
        return [lo]
    raw = (hi - lo) / max(target - 1, 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw * 0.999)
    first = math.ceil(lo / step - 1e-9) * step
    ticks, k = [], 0
    while first + k * step <= hi + step * 1e-9:
        ticks.append(round(first + k * step, 10))
        k += 1
    return ticks


def tick_label(value: float) -> str:
    """A tick's text as matplotlib writes it: integers without decimals, a real minus sign."""
    if abs(value - round(value)) < 1e-9:
        text = str(int(round(value)))
    else:
        text = f"{value:.6g}"
    return text.replace("-", "\u2212")


def text_width(text: str, size: float) -> float:
    """A rough width in px of ``text`` at ``size`` points (for layout only, never for data);
    of its longest line if it has several."""
    return 0.58 * size * PT * max(len(line) for line in text.split("\n"))


def wrap(text: str, width: float, size: float) -> list[str]:
    """``text`` broken at spaces into lines no wider than ``width`` px at ``size`` points;
    a newline in ``text`` always starts a new line."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        start = len(lines)
        for word in paragraph.split():
            if len(lines) > start and text_width(f"{lines[-1]} {word}", size) <= width:
                lines[-1] += f" {word}"
            else:
                lines.append(word)
    return lines


@dataclass
class Scale:
    """Data to pixels along one axis; ``log`` for a logarithmic axis."""

    lo: float
    hi: float
    start: float  # pixel of lo
    end: float  # pixel of hi
    log: bool = False

    def __call__(self, value: float) -> float:
        lo, hi, v = self.lo, self.hi, value
        if self.log:
            lo, hi, v = math.log10(lo), math.log10(hi), math.log10(max(value, 1e-300))
        span = (hi - lo) or 1.0
        return self.start + (v - lo) / span * (self.end - self.start)


@dataclass
class Axes:
    """A plotting area inside a :class:`Canvas`, in data coordinates."""

    left: float
    top: float
    width: float
    height: float
    xlim: tuple[float, float] = (0.0, 1.0)
    ylim: tuple[float, float] = (0.0, 1.0)
    xscale: str = "linear"
    yscale: str = "linear"
    title: str | None = None
    xlabel: str | None = None
    ylabel: str | None = None
    xticks: Sequence | None = None  # values, or (value, label) pairs; None: nice ticks
    yticks: Sequence | None = None
    grid: str | None = None  # "x", "y" or "both"
    frame: bool = True
    title_size: float = 11.0  # points
    tick_size: float = 9.0  # points, the tick labels
    clip_id: str = "a"
    body: list[str] = field(default_factory=list)
    overlay: list[str] = field(default_factory=list)  # drawn unclipped (annotations)
    legend_items: list[tuple[str, str, str]] = field(default_factory=list)  # (kind, colour, label)

    # -- coordinates ----------------------------------------------------------
    @property
    def x(self) -> Scale:
        return Scale(*self.xlim, self.left, self.left + self.width, self.xscale == "log")

    @property
    def y(self) -> Scale:
        return Scale(*self.ylim, self.top + self.height, self.top, self.yscale == "log")

    def set(self, **props) -> Axes:
        for key, value in props.items():
            if not hasattr(self, key):
                raise AttributeError(f"Axes has no property {key!r}")
            setattr(self, key, value)
        return self

    # -- marks ------------------------------------------------------------------
    def line(self, xs, ys, color=PALETTE[0], width=2.0, dash=None, label=None, opacity=None):
        points = " ".join(f"{fmt(self.x(a))},{fmt(self.y(b))}" for a, b in zip(xs, ys))
        self.body.append(
            f"<polyline {attributes(points=points, fill='none', stroke=color, stroke_width=width, stroke_dasharray=DASHES.get(dash, dash), stroke_opacity=opacity, stroke_linejoin='round')}/>"
        )
        if label:
            self.legend_items.append(("line" if dash in (None, "-") else f"line:{dash}", color, label))

    def step(self, xs, ys, where="post", **style):
        """A step line: each value holds until the next x (``post``), as ``ax.step``."""
        sx, sy = [], []
        for i, (a, b) in enumerate(zip(xs, ys)):
            if i and where == "post":
                sx.append(a)
                sy.append(sy[-1])
            sx.append(a)
            sy.append(b)
        self.line(sx, sy, **style)

    def points(self, xs, ys, color=PALETTE[0], r=4.0, marker="o", label=None, edge=None, opacity=None, edge_width=0.8):
        for a, b in zip(xs, ys):
            self.body.append(_marker(marker, self.x(a), self.y(b), r, color, edge, opacity, edge_width))
        if label:
            self.legend_items.append((marker, color, label))

    def bars(self, xs, heights, width=0.8, color=PALETTE[0], bottom=0.0, label=None, edge=None):
        """Vertical bars centred on ``xs``; ``color`` may be one colour or one per bar."""
        colors = [color] * len(xs) if isinstance(color, str) else list(color)
        for a, h, c in zip(xs, heights, colors):
            x0, x1 = self.x(a - width / 2), self.x(a + width / 2)
            y0, y1 = self.y(bottom), self.y(bottom + h)
            self.body.append(_rect(x0, min(y0, y1), x1 - x0, abs(y1 - y0), c, edge))
        if label:
            self.legend_items.append(("bar", colors[0], label))

    def hbars(self, ys, widths, height=0.8, color=PALETTE[0], left=0.0, label=None, edge=None):
        """Horizontal bars centred on ``ys`` (``ax.barh``)."""
        colors = [color] * len(ys) if isinstance(color, str) else list(color)
        for b, w, c in zip(ys, widths, colors):
            y0, y1 = self.y(b + height / 2), self.y(b - height / 2)
            x0, x1 = self.x(left), self.x(left + w)
            self.body.append(_rect(min(x0, x1), min(y0, y1), abs(x1 - x0), abs(y1 - y0), c, edge))
        if label:
            self.legend_items.append(("bar", colors[0], label))

    def vline(self, x, color=GREY, width=1.2, dash="--", label=None):
        self.line([x, x], list(self.ylim), color=color, width=width, dash=dash, label=label)

    def hline(self, y, color=GREY, width=1.2, dash="--", label=None):
        self.line(list(self.xlim), [y, y], color=color, width=width, dash=dash, label=label)

    def span(self, x0, x1, color=PALETTE[5], opacity=0.2, vertical=True, label=None):
        """A shaded band between two x values (``axvspan``), or two y values."""
        if vertical:
            a, b = sorted((self.x(x0), self.x(x1)))
            shape = _rect(a, self.top, b - a, self.height, color, None, opacity)
        else:
            a, b = sorted((self.y(x0), self.y(x1)))
            shape = _rect(self.left, a, self.width, b - a, color, None, opacity)
        self.body.append(shape)
        if label:
            self.legend_items.append(("bar", color, label))

    def polygon(self, xs, ys, color=PALETTE[5], opacity=0.25, edge=None):
        points = " ".join(f"{fmt(self.x(a))},{fmt(self.y(b))}" for a, b in zip(xs, ys))
        self.body.append(f"<polygon {attributes(points=points, fill=color, fill_opacity=opacity, stroke=edge)}/>")

    def text(
        self,
        x,
        y,
        s,
        size=9.0,
        color=INK,
        anchor="start",
        baseline="middle",
        weight=None,
        dx=0.0,
        dy=0.0,
        clip=True,
        rotate=None,
    ):
        """Text at a data point; ``dx``/``dy`` shift it in pixels (right, down); ``rotate``: degrees
        anticlockwise about that point (matplotlib's ``rotation`` with ``rotation_mode="anchor"``)."""
        target = self.body if clip else self.overlay
        target.append(_text(self.x(x) + dx, self.y(y) + dy, s, size, color, anchor, baseline, weight, rotate))

    def segments(self, pairs, color=PALETTE[0], width=1.0, dash=None, opacity=None, label=None):
        """Separate straight segments ((x0, y0), (x1, y1)) as one path (``LineCollection``)."""
        d = "".join(
            f"M{fmt(self.x(a[0]))},{fmt(self.y(a[1]))}L{fmt(self.x(b[0]))},{fmt(self.y(b[1]))}" for a, b in pairs
        )
        if d:
            self.body.append(
                f"<path {attributes(d=d, fill='none', stroke=color, stroke_width=width, stroke_dasharray=DASHES.get(dash, dash), stroke_opacity=opacity)}/>"
            )
        if label:
            self.legend_items.append(("line" if dash in (None, "-") else f"line:{dash}", color, label))

    # -- the frame ------------------------------------------------------------------
    def _ticks(self, given, lim, scale) -> list[tuple[float, str]]:
        if given is not None:
            return [(t, tick_label(t)) if not isinstance(t, tuple) else t for t in given]
        lo, hi = min(lim), max(lim)
        if scale == "log":
            values = [10.0**k for k in range(math.ceil(math.log10(lo) - 1e-9), math.floor(math.log10(hi) + 1e-9) + 1)]
        else:
            values = nice_ticks(lo, hi)
        return [(v, tick_label(v)) for v in values]

    def render(self) -> list[str]:
        out, x, y = [], self.x, self.y
        right, bottom = self.left + self.width, self.top + self.height
        xt = self._ticks(self.xticks, self.xlim, self.xscale) if self.frame else []
        yt = self._ticks(self.yticks, self.ylim, self.yscale) if self.frame else []
        if self.grid in ("x", "both"):
            out += [_seg(x(v), self.top, x(v), bottom, GRID, 0.8, 0.3) for v, _ in xt]
        if self.grid in ("y", "both"):
            out += [_seg(self.left, y(v), right, y(v), GRID, 0.8, 0.3) for v, _ in yt]
        out.append(
            f'<clipPath id="{self.clip_id}"><rect {attributes(x=self.left, y=self.top, width=self.width, height=self.height)}/></clipPath>'
        )
        out.append(f'<g clip-path="url(#{self.clip_id})">{"".join(self.body)}</g>')
        out += self.overlay
        if self.frame:
            out.append(
                f"<rect {attributes(x=self.left, y=self.top, width=self.width, height=self.height, fill='none', stroke=INK, stroke_width=0.8)}/>"
            )
            scale = []  # numeric tick labels: marks of the scale, grouped so that a reader (or a test) can tell them apart
            for v, label in xt:
                out.append(_seg(x(v), bottom, x(v), bottom + 3.5, INK, 0.8))
                tick = _text(x(v), bottom + 6, label, self.tick_size, INK, "middle", "hanging")
                (scale if _NUMBER.fullmatch(label) else out).append(tick)
            for v, label in yt:
                out.append(_seg(self.left - 3.5, y(v), self.left, y(v), INK, 0.8))
                tick = _text(self.left - 6, y(v), label, self.tick_size, INK, "end", "middle")
                (scale if _NUMBER.fullmatch(label) else out).append(tick)
            if scale:
                out.append(f'<g class="sin-scale">{"".join(scale)}</g>')
        if self.xlabel:
            out.append(_text(self.left + self.width / 2, bottom + 24, self.xlabel, 10, INK, "middle", "hanging"))
        if self.ylabel:
            widest = max((text_width(label, self.tick_size) for _, label in yt), default=0)
            cx, cy = self.left - widest - 16, self.top + self.height / 2
            # several lines ("a\nb"): the last stays next to the axis, the others go outwards
            out.append(
                f"<text {attributes(x=cx, y=cy, font_size=round(10 * PT, 1), fill=INK, text_anchor='middle', transform=f'rotate(-90 {fmt(cx)} {fmt(cy)})')}>{_lines(self.ylabel, cx, 10, 'end')}</text>"
            )
        if self.title:
            out.append(
                _text(self.left + self.width / 2, self.top - 8, self.title, self.title_size, INK, "middle", "auto")
            )
        return out

    def legend(self, loc="upper left", columns=1, title=None) -> None:
        """A framed key of every labelled mark, inside the axes at ``loc``; ``title`` above the items."""
        items = self.legend_items
        if not items:
            return
        rows = math.ceil(len(items) / columns)
        cell = max(text_width(label, 8) for _, _, label in items) + 26
        head = 14 if title else 0
        w, h = max(cell * columns, text_width(title, 8) + 6 if title else 0) + 6, rows * 16 + 6 + head
        vertical, horizontal = loc.split() if " " in loc else ("upper", loc)
        x0 = {
            "left": self.left + 6,
            "right": self.left + self.width - w - 6,
            "center": self.left + (self.width - w) / 2,
        }[horizontal]
        y0 = {
            "upper": self.top + 6,
            "lower": self.top + self.height - h - 6,
            "center": self.top + (self.height - h) / 2,
        }[vertical]
        out = [
            f"<rect {attributes(x=x0, y=y0, width=w, height=h, fill='white', fill_opacity=0.85, stroke='#ccc', rx=2)}/>"
        ]
        if title:
            out.append(_text(x0 + w / 2, y0 + 11, title, 8, INK, "middle", "middle"))
        for i, (kind, color, label) in enumerate(items):
            cx, cy = x0 + 6 + (i // rows) * cell, y0 + head + 11 + (i % rows) * 16
            if kind.startswith("line"):
                dash = kind.partition(":")[2] or None
                out.append(_seg(cx, cy, cx + 16, cy, color, 2, dash=DASHES.get(dash, dash)))
            elif kind == "bar":
                out.append(_rect(cx + 2, cy - 4, 12, 8, color, None))
            else:
                out.append(_marker(kind, cx + 8, cy, 4, color, None, None))
            out.append(_text(cx + 21, cy, label, 8, INK, "start", "middle"))
        self.overlay += out


class Canvas:
    """One SVG figure: axes placed by margins, a title, a source line, alt text."""

    def __init__(self, width: float = 640, height: float = 320, source: str | None = None):
        self.width, self.height, self.source = width, height, source
        self.source_lines = wrap(source, width - 12, 7) if source else []
        self.axes_list: list[Axes] = []
        self.extra: list[str] = []

    def axes(self, left=72, top=32, right=16, bottom=52, **props) -> Axes:
        """An axes with these margins (px) from the canvas edges; the source line gets its own."""
        reserve = 13 * len(self.source_lines) + 4 if self.source_lines else 0
        ax = Axes(
            left,
            top,
            self.width - left - right,
            self.height - top - bottom - reserve,
            clip_id=f"c{len(self.axes_list)}",
        )
        ax.set(**props)
        self.axes_list.append(ax)
        return ax

    def grid(self, rows: int, cols: int, left=72, top=32, right=16, bottom=52, wspace=64, hspace=64) -> list[Axes]:
        """``rows`` x ``cols`` axes of equal size, row by row (``fig.subplots``)."""
        reserve = 13 * len(self.source_lines) + 4 if self.source_lines else 0
        w = (self.width - left - right - wspace * (cols - 1)) / cols
        h = (self.height - top - bottom - reserve - hspace * (rows - 1)) / rows
        out = []
        for r in range(rows):
            for c in range(cols):
                ax = Axes(left + c * (w + wspace), top + r * (h + hspace), w, h, clip_id=f"c{len(self.axes_list)}")
                self.axes_list.append(ax)
                out.append(ax)
        return out

    def text(self, x, y, s, size=10.0, color=INK, anchor="start", baseline="middle", weight=None, rotate=None):
        """Text at a pixel position on the canvas (titles, notes); ``rotate``: degrees anticlockwise."""
        self.extra.append(_text(x, y, s, size, color, anchor, baseline, weight, rotate))

    def svg(self, alt: str, uid: str = "f") -> str:
        """The figure as one ``<svg>`` element; ``alt`` is its accessible name and title.

        ``uid`` prefixes the clip-path ids, so that two figures on one page never share one.
        """
        parts = [f"<rect {attributes(width=self.width, height=self.height, fill='white')}/>"]
        for ax in self.axes_list:
            ax.clip_id = f"{uid}-{ax.clip_id.split('-')[-1]}"
            parts += ax.render()
        parts += self.extra
        for i, line in enumerate(reversed(self.source_lines)):
            parts.append(_text(6, self.height - 6 - 13 * i, line, 7, GREY, "start", "auto"))
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" class="sin-figure" role="img" '
            f"{attributes(aria_label=alt, viewBox=f'0 0 {fmt(self.width)} {fmt(self.height)}', width=self.width, height=self.height)} "
            f'style="max-width:100%;height:auto" font-family="{FONT}">'
            f"<title>{escape(alt)}</title>{''.join(parts)}</svg>"
        )


# -- primitives ----------------------------------------------------------------------
def _seg(x0, y0, x1, y1, color, width, opacity=None, dash=None) -> str:
    return f"<line {attributes(x1=x0, y1=y0, x2=x1, y2=y1, stroke=color, stroke_width=width, stroke_opacity=opacity, stroke_dasharray=dash)}/>"


def _rect(x, y, w, h, color, edge, opacity=None) -> str:
    return f"<rect {attributes(x=x, y=y, width=w, height=h, fill=color, fill_opacity=opacity, stroke=edge, stroke_width=0.8 if edge else None)}/>"


def _lines(s, x, size, baseline) -> str:
    """The content of a ``<text>``: ``s`` escaped; with newlines, one ``<tspan>`` per line, placed so
    that ``baseline`` keeps its meaning for the block (middle: centred; hanging: first line at y;
    "end": last line at y, as "auto")."""
    lines = str(s).split("\n")
    if len(lines) == 1:
        return escape(lines[0])
    step = round(1.2 * size * PT, 2)
    first = {"middle": -(len(lines) - 1) / 2, "hanging": 0}.get(baseline, -(len(lines) - 1)) * step
    return "".join(
        f"<tspan {attributes(x=x, dy=f'{fmt(first if i == 0 else step)}')}>{escape(line)}</tspan>"
        for i, line in enumerate(lines)
    )


def _text(x, y, s, size, color, anchor, baseline, weight=None, rotate=None) -> str:
    turn = None if not rotate else f"rotate({fmt(-rotate)} {fmt(x)} {fmt(y)})"
    return (
        f"<text {attributes(x=x, y=y, font_size=round(size * PT, 1), fill=color, text_anchor=anchor, dominant_baseline=baseline, font_weight=weight, transform=turn)}>"
        f"{_lines(s, x, size, baseline)}</text>"
    )


def _marker(kind, cx, cy, r, color, edge, opacity, edge_width=0.8) -> str:
    style = attributes(
        fill=color, fill_opacity=opacity, stroke=edge or "none", stroke_width=edge_width if edge else None
    )
    if kind == "o":
        return f"<circle {attributes(cx=cx, cy=cy, r=r)} {style}/>"
    if kind == "s":
        return f"<rect {attributes(x=cx - r, y=cy - r, width=2 * r, height=2 * r)} {style}/>"
    if kind == "^":
        pts = f"{fmt(cx)},{fmt(cy - r)} {fmt(cx - r)},{fmt(cy + r)} {fmt(cx + r)},{fmt(cy + r)}"
        return f'<polygon points="{pts}" {style}/>'
    if kind == "v":
        pts = f"{fmt(cx)},{fmt(cy + r)} {fmt(cx - r)},{fmt(cy - r)} {fmt(cx + r)},{fmt(cy - r)}"
        return f'<polygon points="{pts}" {style}/>'
    if kind == "D":
        pts = f"{fmt(cx)},{fmt(cy - r)} {fmt(cx + r)},{fmt(cy)} {fmt(cx)},{fmt(cy + r)} {fmt(cx - r)},{fmt(cy)}"
        return f'<polygon points="{pts}" {style}/>'
    if kind == "x":
        d = r * 0.8
        return f"<path {attributes(d=f'M{fmt(cx - d)},{fmt(cy - d)}L{fmt(cx + d)},{fmt(cy + d)}M{fmt(cx - d)},{fmt(cy + d)}L{fmt(cx + d)},{fmt(cy - d)}', stroke=color, stroke_width=2)}/>"
    if kind == "O":  # a ring: an open circle drawn in ``color`` (matplotlib's facecolors="none")
        return f"<circle {attributes(cx=cx, cy=cy, r=r, fill='none', stroke=color, stroke_width=2, stroke_opacity=opacity)}/>"
    raise ValueError(f"unknown marker {kind!r}: use o, O, s, ^, v, D or x")
