"""Every metric against a hand-computed example, plus agreement with scikit-learn."""

from __future__ import annotations

import krippendorff
import numpy as np
import pytest
from sklearn.metrics import cohen_kappa_score, f1_score

from newsdac.leaderboard.metrics import cohen_kappa_from_confusion, ordinal_alpha_from_confusion
from newsdac.leaderboard.tasks import TASKS
from tests.leaderboard.helpers import record, tokens

approx = pytest.approx


def _scores(task: str, gold: dict, pred: list[dict]) -> dict[str, float]:
    spec = TASKS[task]
    stats = spec.article_stats(gold, pred)
    return {name: float(fn(stats)) for name, fn in spec.metrics.items()}


def _dup(first, last, label, original=None):
    return {**tokens(first, last), "label": label, "original": original}


DUP_GOLD = record(duplication=[_dup(10, 12, "repeated_paragraph", tokens(0, 2)),
                               _dup(15, 16, "boilerplate")])
DUP_PRED = [_dup(10, 12, "repeated_paragraph", tokens(0, 0)), _dup(16, 19, "placeholder")]


def test_duplication_metrics_by_hand():
    s = _scores("duplication", DUP_GOLD, DUP_PRED)
    assert (s["span_exact_precision"], s["span_exact_recall"], s["span_exact_f1"]) == \
        approx((0.5, 0.5, 0.5))
    assert s["span_exact_blind_f1"] == approx(0.5)
    assert (s["span_overlap_precision"], s["span_overlap_recall"]) == approx((0.5, 0.5))
    # blind overlap: placeholder (15 chars) has 3 chars inside the boilerplate (7 chars)
    p, r = (1 + 3 / 15) / 2, (1 + 3 / 7) / 2
    assert (s["span_overlap_blind_precision"], s["span_overlap_blind_recall"]) == approx((p, r))
    assert s["span_overlap_blind_f1"] == approx(2 * p * r / (p + r))
    assert s["link_accuracy"] == 1.0
    # clean text: gold keeps 15 tokens, pred keeps 13, 12 in common
    assert (s["clean_text_token_precision"], s["clean_text_token_recall"],
            s["clean_text_token_f1"]) == approx((12 / 13, 12 / 15, 24 / 28))


def test_clean_text_of_an_empty_prediction_keeps_the_artifacts():
    s = _scores("duplication", DUP_GOLD, [])
    assert (s["clean_text_token_precision"], s["clean_text_token_recall"]) == \
        approx((15 / 20, 1.0))


def test_duplication_wrong_link_is_counted():
    pred = [_dup(10, 12, "repeated_paragraph", tokens(5, 6))]
    assert _scores("duplication", DUP_GOLD, pred)["link_accuracy"] == 0.0


def _att(ident, source, cue, content, kind, parent=None):
    return {"id": ident, "source": source, "cue": cue, "content": content,
            "source_type": kind, "parent": parent}


ATT_GOLD = record(attributions=[
    _att("a1", tokens(0, 1), tokens(2, 2), tokens(3, 5), "person"),
    _att("a2", None, tokens(7, 7), tokens(6, 9), "unspecified", parent="a1"),
])
ATT_PRED = [
    _att("b1", tokens(0, 1), tokens(2, 2), tokens(3, 4), "person"),
    _att("b2", tokens(10, 10), tokens(7, 7), tokens(6, 9), "media"),
]


def test_attribution_metrics_by_hand():
    s = _scores("attribution", ATT_GOLD, ATT_PRED)
    assert (s["source_exact_precision"], s["source_exact_recall"]) == approx((0.5, 1.0))
    assert s["source_exact_f1"] == approx(2 / 3)
    assert s["cue_exact_f1"] == 1.0
    assert (s["content_exact_precision"], s["content_exact_recall"]) == approx((0.5, 0.5))
    # partial content: predicted t03-t04 (7 chars) lies inside gold t03-t05 (11 chars)
    assert (s["content_partial_precision"], s["content_partial_recall"]) == \
        approx((1.0, (7 / 11 + 1) / 2))
    assert s["content_partial_f1"] == approx(0.9)
    assert s["relation_exact_f1"] == 0.0
    assert (s["relation_partial_precision"], s["relation_partial_recall"]) == approx((0.5, 0.5))
    assert s["nested_recall"] == 0.0
    assert s["source_type_macro_f1"] == 1.0


def test_source_type_errors_lower_macro_f1():
    pred = [{**ATT_PRED[0], "source_type": "official"}]
    assert _scores("attribution", ATT_GOLD, pred)["source_type_macro_f1"] == 0.0


LEVELS = ["certain", "certain", "probable", "possible", "uncommitted"]
PRED_LEVELS = ["certain", "probable", "probable", "uncommitted"]  # the 5th is not predicted


def _sentences(levels, cues=None):
    cues = cues or {}
    return [{**tokens(4 * k, 4 * k + 3), "certainty": level, "cues": cues.get(k, [])}
            for k, level in enumerate(levels)]


CERT_GOLD = record(sentences=_sentences(LEVELS, {
    2: [{**tokens(10, 10), "type": "modal"}], 3: [{**tokens(12, 12), "type": "approximator"}]}))
CERT_PRED = _sentences(PRED_LEVELS, {
    2: [{**tokens(10, 10), "type": "modal"}], 3: [{**tokens(13, 13), "type": "other"}]})


def test_certainty_metrics_by_hand():
    s = _scores("certainty", CERT_GOLD, CERT_PRED)
    # per level F1: certain 2/3, probable 2/3, possible 0, uncommitted 0
    assert s["macro_f1"] == approx((2 / 3 + 2 / 3) / 4)
    assert s["accuracy"] == approx(2 / 5)
    assert s["binary_f1"] == approx(2 / 3)
    assert s["mae"] == approx(0.5)
    assert s["coverage"] == approx(0.8)
    assert (s["cue_token_precision"], s["cue_token_recall"]) == approx((0.5, 0.5))
    assert s["cue_span_f1"] == approx(0.5)
    assert s["cue_span_typed_f1"] == approx(0.5)


def test_certainty_agrees_with_scikit_learn():
    rng = np.random.default_rng(0)
    order = ["certain", "probable", "possible", "uncommitted"]
    for _ in range(30):
        gold = list(rng.choice(order, size=12))
        pred = list(rng.choice(order, size=12))
        s = _scores("certainty", record(sentences=_sentences(gold[:5])),
                    _sentences(pred[:5]))
        y_true = [order.index(x) for x in gold[:5]]
        y_pred = [order.index(x) for x in pred[:5]]
        assert s["macro_f1"] == approx(f1_score(y_true, y_pred, average="macro",
                                                zero_division=0))
        kappa = cohen_kappa_score(y_true, y_pred, weights="quadratic", labels=[0, 1, 2, 3])
        if not np.isnan(kappa):
            assert s["qwk"] == approx(kappa)


def test_kappa_and_ordinal_alpha_by_hand():
    # po = 35/50, pe = (25*30 + 25*20) / 50**2 = 0.5, kappa = (0.7 - 0.5) / 0.5
    two_by_two = np.array([[20.0, 5.0], [10.0, 15.0]])
    assert cohen_kappa_from_confusion(two_by_two) == approx(0.4)
    assert cohen_kappa_from_confusion(np.diag([3.0, 4.0, 0.0])) == approx(1.0)
    assert ordinal_alpha_from_confusion(np.diag([3.0, 4.0, 5.0])) == approx(1.0)
    # total disagreement between two adjacent ranks: coincidences all off the diagonal
    assert ordinal_alpha_from_confusion(np.array([[0.0, 5.0], [5.0, 0.0]])) < 0


def test_kappa_and_ordinal_alpha_agree_with_reference_implementations():
    rng = np.random.default_rng(1)
    for _ in range(30):
        a = rng.integers(0, 4, 60)
        b = np.where(rng.random(60) < 0.6, a, rng.integers(0, 4, 60))
        confusion = np.zeros((4, 5))
        np.add.at(confusion, (a, b), 1)
        assert cohen_kappa_from_confusion(confusion) == approx(cohen_kappa_score(a, b))
        alpha = krippendorff.alpha(reliability_data=np.stack([a, b]).astype(float),
                                   level_of_measurement="ordinal", value_domain=[0, 1, 2, 3])
        assert ordinal_alpha_from_confusion(confusion) == approx(alpha)
    stacked = np.stack([np.diag([2.0, 3.0]), np.array([[20.0, 5.0], [10.0, 15.0]])])
    assert cohen_kappa_from_confusion(stacked) == approx([1.0, 0.4])


@pytest.mark.parametrize("task, gold", [("duplication", DUP_GOLD),
                                        ("attribution", ATT_GOLD),
                                        ("certainty", CERT_GOLD)])
def test_perfect_predictions_score_one_and_empty_score_zero_recall(task, gold):
    layer = TASKS[task].layer
    perfect = _scores(task, gold, gold[layer])
    assert all(v == approx(0.0 if name == "mae" else 1.0) for name, v in perfect.items()
               if not name.startswith("clean_text"))
    empty = _scores(task, gold, [])
    assert all(v == 0.0 for name, v in empty.items()
               if name.endswith("recall") and not name.startswith("clean_text"))
    assert empty[TASKS[task].headline] == 0.0


def test_order_of_predicted_items_does_not_matter():
    for task, gold, pred in (("duplication", DUP_GOLD, DUP_PRED),
                             ("attribution", ATT_GOLD, ATT_PRED),
                             ("certainty", CERT_GOLD, CERT_PRED)):
        assert _scores(task, gold, pred) == _scores(task, gold, list(reversed(pred)))
