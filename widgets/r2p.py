"""Widgets of the chapter "The Responsibility to Protect and humanitarian intervention".

1. :class:`CouncilVote`: set the fifteen votes (or load a recorded vote) and see
   whether Article 27(3) lets the draft pass, and why.
2. :class:`PassageOdds`: give each member a chance of voting yes or no and see the
   exact probability of passage and the distribution of yes votes.
3. :class:`CriteriaAssessment`: score a case against the six ICISS criteria and
   set the result beside what the Security Council actually did.
4. :class:`CouncilTimeline`: the dataset's adopted resolutions and vetoed drafts
   on one timeline, with references to R2P marked.

All counting and probability work is done by :mod:`widgets.models.security_council`
and :mod:`widgets.models.criteria`; this module only draws and explains.
"""

from __future__ import annotations

from html import escape

import ipywidgets as W
import numpy as np
import pandas as pd

from widgets import data, ui
from widgets.models import criteria as crit
from widgets.models import security_council as sc

VOTE_COLOURS = {"yes": ui.PALETTE[0], "no": ui.PALETTE[3], "abstain": ui.PALETTE[1], "absent": "#bbbbbb"}
ELECTED = tuple(f"Elected {i}" for i in range(1, 11))
MEMBERS = sc.PERMANENT + ELECTED
P5_COLUMNS = {
    "China": "china",
    "France": "france",
    "Russia": "russia",
    "United Kingdom": "united_kingdom",
    "United States": "united_states",
}
SHORT = {"United Kingdom": "UK", "United States": "US"}
CASE_NAMES = {
    "rwanda": "Rwanda",
    "kosovo": "Kosovo",
    "darfur": "Darfur",
    "thematic": "Thematic",
    "libya": "Libya",
    "cote_divoire": "Côte d'Ivoire",
    "syria": "Syria",
    "myanmar": "Myanmar",
}
QUALITY = {
    "un_record": "a UN record",
    "news_agency": "news agencies, newspapers or government statements (no UN record read)",
    "reference_work": "an NGO reference page (no UN record read)",
}


def _names(cell) -> list[str]:
    return [] if pd.isna(cell) or cell == "" else str(cell).split(";")


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def ballot_from_record(row: pd.Series) -> dict[str, str]:
    """A full ballot for a recorded vote: the P5 as recorded, the elected ten filled from the counts.

    The dataset names every permanent member's vote but not every elected
    member's, so elected seats are generic ("Elected 1" ...), filled with the
    recorded numbers of yes, no and abstain votes left after the P5.
    """
    p5 = {m: row[c] for m, c in P5_COLUMNS.items()}
    rest = {v: int(row[v]) - sum(x == v for x in p5.values()) for v in ("yes", "no", "abstain")}
    elected = ["yes"] * rest["yes"] + ["no"] * rest["no"] + ["abstain"] * rest["abstain"]
    elected += ["absent"] * (len(ELECTED) - len(elected))
    return p5 | dict(zip(ELECTED, elected))


class CouncilVote:
    """Fifteen dropdowns (or a recorded vote) -> Article 27(3) decision, with a picture of the ballot."""

    HAND = "(set the votes by hand)"

    def __init__(self, document: str | None = "S/RES/1973 (2011)"):
        self.table = data.load("unsc_votes").set_index("document")
        options = [(self.HAND, "")] + [
            (f"{doc} · {d:%d %b %Y} · {CASE_NAMES[c]}", doc)
            for doc, d, c in zip(self.table.index, self.table["date"], self.table["case"])
        ]
        self.load = W.Dropdown(
            options=options,
            value="",
            description="Load a recorded vote",
            style=ui.slider_style(),
            layout=W.Layout(width="30rem"),
        )
        self.load.add_class("sin-control")
        self.votes = {
            m: W.Dropdown(
                options=list(sc.VOTES),
                value="yes",
                description=SHORT.get(m, m),
                layout=W.Layout(width="12.5rem"),
                style={"description_width": "6rem"},
            )
            for m in MEMBERS
        }
        self.china = self.votes["China"]
        self.russia = self.votes["Russia"]
        self.figure_pane = ui.FigurePane()
        self.message = ui.Message()
        self.record = ui.Message()
        self._loading = False
        self._draw_base()
        self.load.observe(lambda change: self.load_record(), names="value")
        for box in self.votes.values():
            box.observe(lambda change: self.update(), names="value")
        grid = W.GridBox(list(self.votes.values()), layout=W.Layout(grid_template_columns="repeat(auto-fill, 12.8rem)"))
        self.view = ui.panel("r2p-council-vote", [self.load], [grid, self.figure_pane, self.message, self.record])
        if document:
            self.load.value = document
        else:
            self.update()

    def _draw_base(self) -> None:
        self.fig = ui.new_figure(6.4, 3.0)
        top, bottom = self.fig.subplots(2, 1, height_ratios=[1, 1.3])
        x = np.arange(len(MEMBERS))
        self.seats = top.scatter(
            x,
            np.zeros(len(MEMBERS)),
            s=260,
            marker="s",
            c=[VOTE_COLOURS["yes"]] * len(MEMBERS),
            edgecolors="black",
            linewidths=0.6,
        )
        top.set_xticks(
            x, [SHORT.get(m, m) for m in sc.PERMANENT] + [f"E{i}" for i in range(1, 11)], fontsize=7, rotation=40
        )
        top.set_yticks([])
        top.set_xlim(-0.7, len(MEMBERS) - 0.3)
        top.axvline(4.5, color="#666", lw=0.8, ls=":")
        top.set_title("The ballot: five permanent members, then the ten elected members (E1–E10)", fontsize=9)
        for side in ("left", "right", "top"):
            top.spines[side].set_visible(False)
        labels = list(sc.VOTES)
        self.bars = bottom.barh(labels, [0] * 4, color=[VOTE_COLOURS[v] for v in labels], edgecolor="black", lw=0.5)
        bottom.axvline(sc.THRESHOLD, color="black", ls="--", lw=1.2)
        bottom.text(sc.THRESHOLD + 0.15, 3.3, "9 yes votes needed", fontsize=8, va="center")
        bottom.set_xlim(0, 15)
        bottom.set_ylim(-0.6, 3.6)
        bottom.invert_yaxis()
        bottom.set_xlabel("Votes (count)")
        self.blitter = ui.Blitter(self.fig, [self.seats, *self.bars])

    def ballot(self) -> dict[str, str]:
        return {m: box.value for m, box in self.votes.items()}

    def load_record(self) -> None:
        document = self.load.value
        if not document:
            self.record.say("")
            self.update()
            return
        row = self.table.loc[document]
        self._loading = True
        try:
            for member, vote in ballot_from_record(row).items():
                self.votes[member].value = vote
        finally:
            self._loading = False
        self.update()

    def update(self) -> None:
        if not self._loading:
            ui.guarded(self.message, self._update)

    def _update(self) -> None:
        ballot = self.ballot()
        decision = sc.decide(ballot)
        self.seats.set_facecolor([VOTE_COLOURS[ballot[m]] for m in MEMBERS])
        counts = [decision.yes, decision.no, decision.abstain, decision.absent]
        for bar, n in zip(self.bars, counts):
            bar.set_width(n)
        verdict = "passes" if decision.passes else "fails"
        self.message.say(
            f"<b>{decision.reason}.</b> Tally: {decision.yes} yes, {decision.no} no, "
            f"{decision.abstain} abstaining, {decision.absent} absent."
        )
        self._say_record(ballot)
        self.figure_pane.show_png(
            self.blitter.png(),
            alt=(
                f"Ballot of the fifteen Council members coloured by vote, and bars of the tally: {decision.yes} yes, "
                f"{decision.no} no, {decision.abstain} abstaining, {decision.absent} absent, against a line at the 9 "
                f"votes needed. The draft {verdict}."
            ),
        )

    def _say_record(self, ballot: dict[str, str]) -> None:
        document = self.load.value
        if not document:
            self.record.say("")
            return
        row = self.table.loc[document]
        if ballot != ballot_from_record(row):
            self.record.say(f"You have changed the recorded votes of {escape(document)}: this is now a what-if.")
            return
        outcome = "adopted" if row["adopted"] else "not adopted"
        parts = [
            f"<b>Recorded:</b> {escape(document)} ({row['date']:%d %B %Y}) was {outcome}, "
            f"{row['yes']}–{row['no']}–{row['abstain']}."
        ]
        if _names(row["against_members"]):
            parts.append(f"Against: {escape(_and(_names(row['against_members'])))}.")
        if _names(row["abstaining_members"]):
            parts.append(f"Abstaining: {escape(_and(_names(row['abstaining_members'])))}.")
        parts.append(f"{escape(row['subject'])}. Evidence for the vote: {QUALITY[row['source_quality']]}.")
        self.record.say(" ".join(parts))


class PassageOdds:
    """Per-member P(yes), P(no) -> exact P(passes) and the distribution of yes votes."""

    DEFAULTS = {
        "China": (0.5, 0.2),
        "France": (0.9, 0.0),
        "Russia": (0.4, 0.4),
        "United Kingdom": (0.9, 0.0),
        "United States": (0.9, 0.0),
    }

    def __init__(self, elected_yes: float = 0.7, elected_no: float = 0.1, follow: float = 0.0):
        def slider(label, value, width="15rem", label_width="3rem"):
            return W.FloatSlider(
                value=value,
                min=0.0,
                max=1.0,
                step=0.05,
                description=label,
                continuous_update=False,
                readout_format=".2f",
                style={"description_width": label_width},
                layout=W.Layout(width=width),
            )

        wide = {"width": "23rem", "label_width": "10rem"}
        self.p_yes = {m: slider(f"{SHORT.get(m, m)}: P(yes)", y, **wide) for m, (y, _) in self.DEFAULTS.items()}
        self.p_no = {m: slider("P(no)", n) for m, (_, n) in self.DEFAULTS.items()}
        self.elected_yes = slider("Each elected: P(yes)", elected_yes, **wide)
        self.elected_no = slider("P(no)", elected_no)
        self.follow = slider("China follows Russia: P", follow, **wide)
        self.russia_no = self.p_no["Russia"]
        self.russia_no.add_class("sin-control")
        self.figure_pane = ui.FigurePane()
        self.message = ui.Message()
        self._draw_base()
        controls, rows = [], []
        for yes, no in [(self.p_yes[m], self.p_no[m]) for m in sc.PERMANENT] + [(self.elected_yes, self.elected_no)]:
            controls += [yes, no]
            rows.append(W.HBox([yes, no]))
        controls.append(self.follow)
        rows.append(
            W.HBox([self.follow, W.HTML("<small>0 = votes independently; 1 = always votes as Russia does</small>")])
        )
        for s in controls:
            s.observe(lambda change: self.update(), names="value")
        grid = W.VBox(rows)
        self.view = ui.panel("r2p-passage-odds", [grid], [self.figure_pane, self.message])
        self.update()

    def probabilities(self) -> dict[str, tuple[float, float]]:
        probs = {m: (self.p_yes[m].value, self.p_no[m].value) for m in sc.PERMANENT}
        return probs | {m: (self.elected_yes.value, self.elected_no.value) for m in ELECTED}

    def _draw_base(self) -> None:
        self.fig = ui.new_figure(6.4, 3.0)
        ax = self.fig.add_subplot()
        k = np.arange(sc.SIZE + 1)
        colours = [ui.PALETTE[0] if j >= sc.THRESHOLD else "#9fb8cc" for j in k]
        self.bars = ax.bar(k, np.zeros(len(k)), color=colours, edgecolor="black", lw=0.4)
        ax.axvline(sc.THRESHOLD - 0.5, color="black", ls="--", lw=1.2)
        ax.set_xticks(k)
        ax.set_xlabel("Number of yes votes (count)")
        ax.set_ylabel("Probability")
        ax.yaxis.set_major_formatter("{x:.2f}")  # same label width at every scale, so the layout holds
        ax.set_xlim(-0.6, sc.SIZE + 0.6)
        self.ax = ax
        self.ymax = 0.5
        ax.set_ylim(0, self.ymax)
        ax.set_title("Distribution of yes votes; darker bars reach the 9 needed", fontsize=9)
        self.blitter = ui.Blitter(self.fig, list(self.bars))

    def update(self) -> None:
        ui.guarded(self.message, self._update)

    def _update(self) -> None:
        result = sc.passage_probability_bloc(self.probabilities(), "Russia", "China", self.follow.value)
        dist = result.yes_distribution
        for bar, p in zip(self.bars, dist):
            bar.set_height(p)
        top = max(0.1, float(np.ceil(dist.max() * 10) / 10))
        if top != self.ymax:
            self.ymax = top
            self.ax.set_ylim(0, top)
            self.blitter.refresh()
        self.message.say(
            f"P(the draft passes) = <b>{result.probability:.3f}</b>. P(no permanent member votes no) = "
            f"{result.p_no_veto:.3f}; P(at least 9 yes votes) = {result.p_enough_votes:.3f}. "
            "Passing needs both at once, and they are not independent, so P(passes) is computed exactly "
            "rather than as their product."
            + (
                f" China copies Russia's vote with probability {self.follow.value:.2f} (a bloc); otherwise it uses "
                "its own sliders."
                if self.follow.value > 0
                else " <i>All votes are treated as independent, which real Council votes are not: try the bloc "
                "slider.</i>"
            )
        )
        mode = int(np.argmax(dist))
        self.figure_pane.show_png(
            self.blitter.png(),
            alt=(
                f"Bar chart of the probability of each number of yes votes from 0 to 15; the most likely number is "
                f"{mode}. The chance that the draft passes is {result.probability:.2f}."
            ),
        )


class CriteriaAssessment:
    """Scores and weights for the six ICISS criteria -> weighted assessment beside the Council's record."""

    def __init__(self, case: str = "libya"):
        self.cases = data.load("r2p_cases").set_index("case")
        self.case = W.Dropdown(
            options=[(n, c) for c, n in zip(self.cases.index, self.cases["name"])],
            value=case,
            description="Case",
            layout=W.Layout(width="22rem"),
        )
        self.case.add_class("sin-control")

        def slider(label, value, top, width, label_width):
            return W.FloatSlider(
                value=value,
                min=0.0,
                max=top,
                step=0.5,
                description=label,
                continuous_update=False,
                readout_format=".1f",
                style={"description_width": label_width},
                layout=W.Layout(width=width),
            )

        self.scores = {c: slider(c, 2.0, crit.SCALE, "23rem", "10rem") for c in crit.CRITERIA}
        self.weights = {c: slider("weight", 1.0, 3.0, "14rem", "3.5rem") for c in crit.CRITERIA}
        self.just_cause = self.scores["just cause"]
        self.rule = W.Dropdown(
            options=list(crit.RULES), value="weighted mean", description="Combine by", layout=W.Layout(width="16rem")
        )
        self.figure_pane = ui.FigurePane()
        self.message = ui.Message()
        self.council = W.HTML()
        self._draw_base()
        self.case.observe(lambda change: self.update(), names="value")
        for s in [*self.scores.values(), *self.weights.values(), self.rule]:
            s.observe(lambda change: self.update(), names="value")
        header = W.HTML(
            "<b>Score each criterion</b> (0 = clearly not met, 4 = clearly met) "
            "<b>and weight it</b> (0 = ignore, 3 = counts three times)"
        )
        grid = W.VBox([header] + [W.HBox([self.scores[c], self.weights[c]]) for c in crit.CRITERIA])
        self.view = ui.panel(
            "r2p-criteria", [self.case, self.rule], [grid, self.figure_pane, self.message, self.council]
        )
        self.update()

    def _draw_base(self) -> None:
        self.fig = ui.new_figure(6.4, 3.0)
        left, right = self.fig.subplots(1, 2, width_ratios=[4, 1])
        y = np.arange(len(crit.CRITERIA))
        self.bars = left.barh(y, np.zeros(len(y)), color=ui.PALETTE[0], edgecolor="black", lw=0.4)
        left.set_yticks(y, list(crit.CRITERIA), fontsize=8)
        left.invert_yaxis()
        left.axvline(crit.SCALE / 2, color="black", ls="--", lw=1)
        left.set_xlim(0, crit.SCALE)
        left.set_xlabel("Your score (0 = clearly not met, 4 = clearly met)")
        left.set_title("Your scores; orange bars fall below the midpoint", fontsize=9)
        (self.total,) = right.bar([0], [0], color=ui.PALETTE[2], edgecolor="black", lw=0.4, width=0.6)
        right.set_ylim(0, 1)
        right.set_xlim(-0.6, 0.6)
        right.set_xticks([0], ["combined"])
        right.set_ylabel("Combined score (0–1)")
        self.blitter = ui.Blitter(self.fig, [*self.bars, self.total])

    def update(self) -> None:
        ui.guarded(self.message, self._update)

    def _update(self) -> None:
        scores = {c: s.value for c, s in self.scores.items()}
        result = crit.assess(scores, {c: w.value for c, w in self.weights.items()})
        for bar, c in zip(self.bars, crit.CRITERIA):
            bar.set_width(scores[c])
            bar.set_facecolor(ui.PALETTE[1] if c in result.below_midpoint else ui.PALETTE[0])
        rule = self.rule.value
        value = result.value(rule)
        self.total.set_height(value)
        row = self.cases.loc[self.case.value]
        name = row["name"]
        if result.all_met:
            gate = "You scored every criterion at or above the midpoint."
        else:
            gate = (
                f"Below the midpoint: <b>{escape(', '.join(result.below_midpoint))}</b>. Each ICISS criterion is "
                "worded as a test of its own, so a good average does not make up for these."
            )
        if rule == "minimum":
            head = (
                f"Your assessment of <b>{escape(name)}</b> by the minimum rule: <b>{value:.2f}</b> on a scale "
                f"from 0 to 1, set by your weakest criterion, <b>{escape(result.weakest)}</b> (weighted mean: "
                f"{result.score:.2f})."
            )
        else:
            head = (
                f"Your weighted assessment of <b>{escape(name)}</b>: <b>{value:.2f}</b> on a scale from 0 to 1 "
                f"(minimum rule: {result.minimum:.2f})."
            )
        lexi = (
            f" Read lexicographically (heaviest weight first), the first criterion to fail is "
            f"<b>{escape(result.first_failing)}</b>."
            if result.first_failing
            else ""
        )
        self.message.say(f"{head} {gate}{lexi}")
        self.council.value = (
            '<div class="sin-council-record" style="border-left:4px solid #0072B2;padding:0.3rem 0.8rem">'
            f"<p><b>What the Security Council did.</b> {escape(row['council_action'])}</p>"
            f"<p><b>What followed.</b> {escape(row['what_followed'])}</p>"
            f"<p><b>Reflect.</b> Which of your scores would the Council's members have disputed, and why? "
            f"Did the Council's action (or inaction) in {escape(name)} follow from the criteria, or from "
            "something the criteria leave out, such as the interests of the permanent members? "
            "The score is your judgement made visible, not a verdict: change a weight and see how much "
            "your conclusion depends on it.</p></div>"
        )
        self.figure_pane.show_png(
            self.blitter.png(),
            alt=(
                f"Horizontal bars of your scores for {name} on the six ICISS criteria, with a dashed midpoint line, "
                f"and a single bar showing the {rule} score of {value:.2f} out of 1."
            ),
        )


class CouncilTimeline:
    """Year slider -> the dataset's adopted resolutions and vetoed drafts up to that year."""

    FIRST, LAST = 1994, 2026

    def __init__(self, year: int = 2011):
        table = data.load("unsc_votes")
        self.table = table
        self.cases = [c for c in CASE_NAMES if c in set(table["case"])]
        dates = table["date"]
        self.x = (dates.dt.year + (dates.dt.day_of_year - 1) / 366).to_numpy()
        self.y = table["case"].map({c: i for i, c in enumerate(self.cases)}).to_numpy(dtype=float)
        self.adopted = table["adopted"].to_numpy(dtype=bool)
        self.r2p = table["references_r2p"].fillna(False).to_numpy(dtype=bool)
        self.year = W.IntSlider(
            value=year,
            min=self.FIRST,
            max=self.LAST,
            step=1,
            description="Show votes up to",
            continuous_update=False,
            style=ui.slider_style(),
        )
        self.year.add_class("sin-control")
        self.figure_pane = ui.FigurePane()
        self.message = ui.Message()
        self._draw_base()
        self.year.observe(lambda change: self.update(), names="value")
        self.view = ui.panel("r2p-timeline", [self.year], [self.figure_pane, self.message])
        self.update()

    def _draw_base(self) -> None:
        self.fig = ui.new_figure(6.4, 3.4)
        ax = self.fig.add_subplot()
        ax.scatter(self.x, self.y, s=30, color="#dddddd", zorder=1)
        empty = np.empty((0, 2))
        self.adopted_pts = ax.scatter(
            [], [], s=40, marker="o", color=ui.PALETTE[0], zorder=3, label="adopted resolution"
        )
        self.vetoed_pts = ax.scatter([], [], s=50, marker="x", color=ui.PALETTE[3], zorder=3, label="draft not adopted")
        self.r2p_pts = ax.scatter(
            [],
            [],
            s=160,
            marker="o",
            facecolors="none",
            edgecolors=ui.PALETTE[2],
            linewidths=2,
            zorder=4,
            label="refers to R2P (confirmed)",
        )
        for pts in (self.adopted_pts, self.vetoed_pts, self.r2p_pts):
            pts.set_offsets(empty)
        self.line = ax.axvline(self.FIRST, color="#444", ls="--", lw=1)
        ax.set_yticks(range(len(self.cases)), [CASE_NAMES[c] for c in self.cases], fontsize=8)
        ax.set_ylim(len(self.cases) - 0.5, -0.5)
        ax.set_xlim(self.FIRST - 0.5, self.LAST + 1.5)
        ax.set_xlabel("Date of the vote (year)")
        ax.grid(axis="x", alpha=0.3)
        ax.legend(loc="lower left", fontsize=7, framealpha=0.9)
        ax.set_title("Council votes in this chapter's dataset (a partial list)", fontsize=9)
        ui.source_note(self.fig, data.source_line("unsc_votes"))
        self.blitter = ui.Blitter(self.fig, [self.adopted_pts, self.vetoed_pts, self.r2p_pts, self.line])

    def update(self) -> None:
        ui.guarded(self.message, self._update)

    def _update(self) -> None:
        year = int(self.year.value)
        shown = self.x < year + 1
        pts = np.column_stack([self.x, self.y])
        self.adopted_pts.set_offsets(pts[shown & self.adopted])
        self.vetoed_pts.set_offsets(pts[shown & ~self.adopted])
        self.r2p_pts.set_offsets(pts[shown & self.r2p])
        self.line.set_xdata([year + 1, year + 1])
        n_adopted = int((shown & self.adopted).sum())
        n_vetoed = int((shown & ~self.adopted).sum())
        n_r2p = int((shown & self.r2p).sum())
        this_year = self.table.loc[self.table["date"].dt.year == year, "document"].tolist()
        news = (
            f" Votes in {year}: {escape(', '.join(this_year))}." if this_year else f" No vote in the dataset in {year}."
        )
        self.message.say(
            f"To the end of <b>{year}</b> the dataset records <b>{n_adopted}</b> adopted resolutions "
            f"({n_r2p} with a confirmed reference to R2P) and <b>{n_vetoed}</b> drafts not adopted.{news}"
        )
        self.figure_pane.show_png(
            self.blitter.png(),
            alt=(
                f"Timeline of the dataset's Security Council votes by case from {self.FIRST} to {self.LAST}, shown up to the end of "
                f"{year}: {n_adopted} adopted resolutions, {n_vetoed} drafts not adopted, {n_r2p} marked as referring to R2P."
            ),
        )


def council_vote(document: str | None = "S/RES/1973 (2011)") -> W.VBox:
    return CouncilVote(document).view


def passage_odds(follow: float = 0.0) -> W.VBox:
    return PassageOdds(follow=follow).view


def criteria_assessment(case: str = "libya") -> W.VBox:
    return CriteriaAssessment(case).view


def council_timeline(year: int = 2011) -> W.VBox:
    return CouncilTimeline(year).view
