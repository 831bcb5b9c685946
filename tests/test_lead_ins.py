"""Lead-ins and counted runs: the lines that announce a list of directions, and the runs of counted items."""

from __future__ import annotations

import pytest

from docparse.segment import _counted_run
from docparse.vocab.families import Numbering, match_labelled
from docparse.vocab.markers import DEFAULT_LEXICON


@pytest.mark.parametrize(
    ("text", "lead_in"),
    [
        ("Topics include, but are not limited to:", "Topics include, but are not limited to"),
        ("This issue seeks submissions. Suggested themes include:", "Suggested themes include"),
        ("参赛作品以数据为基础。包括以下主题：", "包括以下主题"),
        # A programme's areas, described: not the proposer's choices.
        ("OUSD(R&E) critical technology areas include:", None),
        ("The proposal must include the following:", None),
    ],
)
def test_a_lead_in_with_a_colon_names_the_choices(text: str, lead_in: str | None) -> None:
    assert DEFAULT_LEXICON.lead_in(text) == lead_in


@pytest.mark.parametrize(
    ("text", "lead_in"),
    [
        ("What sort of proposals are we looking for?", "What sort of proposals are we looking for?"),
        ("Which topics are in scope?", "Which topics are in scope?"),
        (
            "We invite short papers on topics related to open software.",
            "We invite short papers on topics related to open software.",
        ),
        ("问题：现某公司开发了一批拉曼光谱仪。", "问题"),
        # Who may apply, what must be met, a field of another name: no choices.
        ("Who should submit a proposal?", None),
        ("Proposals must cover the following topics.", None),
        ("论文格式：论文报告需采用学校统一格式。", None),
        ("Submissions should be formatted with the template.", None),
    ],
)
def test_a_line_right_before_a_list_leads_it_in_where_it_names_the_choices(text: str, lead_in: str | None) -> None:
    assert DEFAULT_LEXICON.lead_in_before_list(text) == lead_in


def _run(*lines: str) -> tuple[str, list[Numbering]]:
    """Return the lead word and the labels of counted run-in lines."""
    words, labels = [], []
    for line in lines:
        found = match_labelled(line, item=True)
        assert found is not None
        words.append(found[0])
        labels.append(found[1])
    return words[0], labels


def test_a_counter_learned_from_repetition_needs_three_sentences_counting_from_one() -> None:
    questions = _run(
        "问题 1：机器人具备拳法、腿法、组合技三类攻击动作，请建立攻击效能评价模型，给出各动作的得分期望。",
        "问题 2：机器人的防守体系以格挡、闪避为主，请建立防守动作选择模型，并分析其有效性。",
        "问题 3：假设不考虑机器人的故障情况，请给出单场比赛的最优攻防策略，并说明其稳健性。",
    )
    assert _counted_run(*questions)
    assert not _counted_run(questions[0], questions[1][:2])  # two are no repetition for any word
    assert not _counted_run(*_run("选项 A：1.5mA", "选项 B：2mA", "选项 C：0.5mA"))  # short values
    assert _counted_run(*_run("任务一：识别场景。", "任务二：完成装配。"))  # a task word says so in two
