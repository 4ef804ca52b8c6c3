"""The checklist walk's tree: areas > sections > questions, with answered/total per node."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from auditapp.core.checklists import Checklist, Question
from auditapp.core.workspace import AnswerState
from auditapp.ui import labels, theme
from auditapp.ui.variant import variant_result

Index = QModelIndex | QPersistentModelIndex

QUESTION_ID_ROLE = Qt.ItemDataRole.UserRole + 1
PROGRESS_ROLE = Qt.ItemDataRole.UserRole + 2  # (answered, total)
KIND_ROLE = Qt.ItemDataRole.UserRole + 3  # "area", "section", "question"


@dataclass(eq=False)
class _Node:
    kind: str
    id: str
    title: str
    parent: _Node | None
    row: int
    question: Question | None = None
    children: list[_Node] = field(default_factory=list)
    question_ids: list[str] = field(default_factory=list)


class ChecklistModel(QAbstractItemModel):
    TITLE, PROGRESS = range(2)

    def __init__(
        self,
        checklist: Checklist,
        answers: dict[str, AnswerState],
        *,
        language: str = "en",
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._answers = answers
        self._lang = language
        self._root = _Node("root", "", "", None, 0)
        self._by_question: dict[str, _Node] = {}
        self._progress_cache: dict[int, tuple[int, int]] = {}
        # The result each question row shows: only a change of it changes a row (notes are not
        # shown in the tree).
        self._shown: dict[str, str | None] = {q: a.result for q, a in answers.items()}
        for a, area in enumerate(checklist.areas):
            area_node = _Node("area", area.id, area.title[language], self._root, a)
            self._root.children.append(area_node)
            for s, section in enumerate(area.sections):
                section_node = _Node("section", section.id, section.title[language], area_node, s)
                area_node.children.append(section_node)
                for q, question in enumerate(section.questions):
                    node = _Node(
                        "question",
                        question.id,
                        question.text[language],
                        section_node,
                        q,
                        question=question,
                    )
                    section_node.children.append(node)
                    section_node.question_ids.append(question.id)
                    area_node.question_ids.append(question.id)
                    self._by_question[question.id] = node
        self.order = [q.id for q in checklist.questions]

    # --- queries used by the walk --------------------------------------------------------------

    def is_answered(self, question_id: str) -> bool:
        answer = self._answers.get(question_id)
        return answer is not None and answer.result is not None

    def progress(self, question_ids: list[str] | None = None) -> tuple[int, int]:
        ids = self.order if question_ids is None else question_ids
        return sum(1 for q in ids if self.is_answered(q)), len(ids)

    def _node_progress(self, node: _Node) -> tuple[int, int]:
        # Counted once per change, not once per role and paint of each area and section row.
        cached = self._progress_cache.get(id(node))
        if cached is None:
            cached = self._progress_cache[id(node)] = self.progress(node.question_ids)
        return cached

    def question_index(self, question_id: str, column: int = 0) -> QModelIndex:
        node = self._by_question.get(question_id)
        return QModelIndex() if node is None else self.createIndex(node.row, column, node)

    def question(self, question_id: str) -> Question | None:
        node = self._by_question.get(question_id)
        return node.question if node else None

    def path_of(self, question_id: str) -> tuple[str, str]:
        """(area title, section title) of a question."""
        node = self._by_question[question_id]
        section = node.parent
        assert section is not None and section.parent is not None
        return f"{section.parent.id} · {section.parent.title}", f"{section.id} · {section.title}"

    def area_id_of(self, question_id: str) -> str:
        node = self._by_question[question_id]
        assert node.parent is not None and node.parent.parent is not None
        return node.parent.parent.id

    def next_question(self, current: str | None, step: int = 1) -> str | None:
        if not self.order:
            return None
        if current not in self.order:
            return self.order[0]
        i = self.order.index(current) + step
        return self.order[i] if 0 <= i < len(self.order) else None

    def next_unanswered(self, current: str | None) -> str | None:
        """The next question without an answer, wrapping round; None when all are answered."""
        start = self.order.index(current) + 1 if current in self.order else 0
        for q in self.order[start:] + self.order[:start]:
            if not self.is_answered(q):
                return q
        return None

    def answer_changed(self, question_id: str) -> bool:
        """Repaint the question's row and its section's and area's counts, when its result
        changed; False (and no repaint) when it did not, e.g. when only the notes changed."""
        answer = self._answers.get(question_id)
        result = answer.result if answer else None
        if question_id in self._by_question and self._shown.get(question_id) == result:
            return False
        self._shown[question_id] = result
        node = self._by_question.get(question_id)
        self._progress_cache.clear()
        while node is not None and node.kind != "root":
            left = self.createIndex(node.row, 0, node)
            right = self.createIndex(node.row, self.PROGRESS, node)
            self.dataChanged.emit(left, right)
            node = node.parent
        return True

    # --- QAbstractItemModel --------------------------------------------------------------------

    def _node(self, index: Index) -> _Node:
        return index.internalPointer() if index.isValid() else self._root  # type: ignore[no-any-return]

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        node = self._node(parent)
        if 0 <= row < len(node.children) and 0 <= column < 2:
            return self.createIndex(row, column, node.children[row])
        return QModelIndex()

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        node = self._node(index).parent
        if node is None or node is self._root:
            return QModelIndex()
        return self.createIndex(node.row, 0, node)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 2

    @variant_result
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Area / question"), self.tr("Done"))[section]
        return None

    @variant_result
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self._node(index)
        column = index.column()
        if role == KIND_ROLE:
            return node.kind
        if role == QUESTION_ID_ROLE:
            return node.id if node.kind == "question" else None
        if node.kind == "question":
            return self._question_data(node, column, role)
        answered, total = self._node_progress(node)
        if role == PROGRESS_ROLE:
            return answered, total
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{node.id}  {node.title}" if column == 0 else f"{answered}/{total}"
        if role == Qt.ItemDataRole.FontRole and node.kind == "area":
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and column == 1 and answered == total:
            return QColor(theme.RESULT_COLOURS["compliant"])
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("%1 of %n question(s) answered", "", total).replace("%1", str(answered))
        return None

    def _question_data(self, node: _Node, column: int, role: int) -> Any:
        answer = self._answers.get(node.id)
        result = answer.result if answer else None
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{node.id}  {node.title}" if column == 0 else labels.result_short(result)
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return theme.dot_icon(theme.RESULT_COLOURS[result]) if result else theme.ring_icon()
        if role == Qt.ItemDataRole.ForegroundRole and column == 1 and result:
            return QColor(theme.RESULT_COLOURS[result])
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{node.title}\n{labels.result(result)}"
        return None
