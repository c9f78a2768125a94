"""Document types learned from staff corrections, on top of the rules.

Every correction in the queue or inbox is a labelled example. With enough of them (at least
MIN_EXAMPLES over two types or more) a TF-IDF + logistic-regression model is trained and kept
in memory per process; when it is confident (MODEL_CONFIDENCE) it overrides the rules, so
accuracy rises with use. Without examples the rules decide alone.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from maatwerk.core import crypto
from maatwerk.documents.rules.classify import Classification, classify_by_rules

MIN_EXAMPLES = 20
CORRECTION_PURPOSE = "document-type-correction"
MODEL_CONFIDENCE = 0.6


@dataclass
class _Model:
    version: int
    pipeline: Any


_lock = threading.Lock()
_cache: _Model | None = None


def classify(text: str) -> Classification:
    ruled = classify_by_rules(text)
    model = _current_model()
    if model is None:
        return ruled
    probabilities = model.pipeline.predict_proba([text])[0]
    best = int(probabilities.argmax())
    if probabilities[best] >= MODEL_CONFIDENCE:
        return Classification(
            str(model.pipeline.classes_[best]), round(float(probabilities[best]), 3)
        )
    return ruled


def _current_model() -> _Model | None:
    from maatwerk.documents.models import TypeCorrection

    global _cache
    version = TypeCorrection.objects.count()
    if version < MIN_EXAMPLES:
        return None
    with _lock:
        if _cache is None or _cache.version != version:
            _cache = _train(version)
    return _cache


def _train(version: int) -> _Model | None:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    from maatwerk.documents.models import TypeCorrection

    examples = [
        (crypto.decrypt_text(sealed, purpose=CORRECTION_PURPOSE), label)
        for sealed, label in TypeCorrection.objects.values_list("text_encrypted", "document_type")
    ]
    labels = {label for _, label in examples}
    if len(labels) < 2:
        return None
    pipeline = make_pipeline(
        TfidfVectorizer(sublinear_tf=True, ngram_range=(1, 2), min_df=1),
        LogisticRegression(max_iter=1000),
    )
    pipeline.fit([text for text, _ in examples], [label for _, label in examples])
    return _Model(version=version, pipeline=pipeline)
