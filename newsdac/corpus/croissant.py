"""MLCommons Croissant 1.0 metadata for a release, generated from the record schema.

One ``cr:FileObject`` per data file (with its SHA-256) and one ``cr:RecordSet``
per config whose fields mirror :func:`newsdac.schema.article_schema`.
"""

from __future__ import annotations

import hashlib
from typing import Any

from newsdac.schema import CONFIGS, SPLITS, article_schema, feature_spec

CONTEXT: dict[str, Any] = {
    "@language": "en",
    "@vocab": "https://schema.org/",
    "citeAs": "cr:citeAs",
    "column": "cr:column",
    "conformsTo": "dct:conformsTo",
    "cr": "http://mlcommons.org/croissant/",
    "rai": "http://mlcommons.org/croissant/RAI/",
    "data": {"@id": "cr:data", "@type": "@json"},
    "dataType": {"@id": "cr:dataType", "@type": "@vocab"},
    "dct": "http://purl.org/dc/terms/",
    "examples": {"@id": "cr:examples", "@type": "@json"},
    "extract": "cr:extract",
    "field": "cr:field",
    "fileProperty": "cr:fileProperty",
    "fileObject": "cr:fileObject",
    "fileSet": "cr:fileSet",
    "format": "cr:format",
    "includes": "cr:includes",
    "isLiveDataset": "cr:isLiveDataset",
    "jsonPath": "cr:jsonPath",
    "key": "cr:key",
    "md5": "cr:md5",
    "parentField": "cr:parentField",
    "path": "cr:path",
    "recordSet": "cr:recordSet",
    "references": "cr:references",
    "regex": "cr:regex",
    "repeated": "cr:repeated",
    "replace": "cr:replace",
    "sc": "https://schema.org/",
    "separator": "cr:separator",
    "source": "cr:source",
    "subField": "cr:subField",
    "transform": "cr:transform",
}
DATA_TYPES = {"string": "sc:Text", "int64": "sc:Integer"}


def _field(record_set: str, path: list[str], spec: Any, file_ids: list[str]) -> dict[str, Any]:
    """A ``cr:Field`` for the value at ``path`` (JSON keys from the record root)."""
    repeated = isinstance(spec, list)
    inner = spec[0] if repeated else spec
    field: dict[str, Any] = {
        "@type": "cr:Field",
        "@id": f"{record_set}/{'/'.join(path)}",
        "name": path[-1],
    }
    if repeated:
        field["repeated"] = True
    if isinstance(inner, dict):
        field["dataType"] = "sc:StructuredValue"
        field["subField"] = [_field(record_set, [*path, key], sub, file_ids)
                             for key, sub in inner.items()]
    else:
        field["dataType"] = DATA_TYPES[inner]
    if len(path) == 1:
        field["source"] = {"fileObject": [{"@id": f} for f in file_ids],
                           "extract": {"column": path[0]}}
    return field


def croissant(files: dict[str, bytes], version: str) -> dict[str, Any]:
    """The Croissant JSON-LD document for a release's data ``files`` (path -> bytes)."""
    properties = article_schema()["properties"]
    distribution = [{
        "@type": "cr:FileObject",
        "@id": path.replace("/", "-").removesuffix(".jsonl"),
        "name": path,
        "contentUrl": path,
        "encodingFormat": "application/jsonlines",
        "sha256": hashlib.sha256(files[path]).hexdigest(),
    } for path in (f"{config}/{split}.jsonl" for config in CONFIGS for split in SPLITS)]
    record_sets = []
    for config, fields in CONFIGS.items():
        file_ids = [f"{config}-{split}" for split in SPLITS]
        record_sets.append({
            "@type": "cr:RecordSet",
            "@id": config,
            "name": config,
            "key": {"@id": f"{config}/id"},
            "field": [_field(config, [name], feature_spec(properties[name]), file_ids)
                      for name in fields],
        })
    return {
        "@context": CONTEXT,
        "@type": "sc:Dataset",
        "name": "NewsDAC",
        "description": "English news articles, all original and fictional, annotated on the "
                       "same text for duplication and extraction artifacts, attribution "
                       "(source, cue, content, source type) and sentence-level claim "
                       "certainty with cue spans.",
        "conformsTo": "http://mlcommons.org/croissant/1.0",
        "version": version,
        "license": "https://creativecommons.org/licenses/by/4.0/",
        "url": f"corpus/releases/{version}",
        "citeAs": "NewsDAC: a news corpus for duplication, attribution and certainty "
                  f"(corpus version {version}). See CITATION.cff.",
        "isLiveDataset": False,
        "keywords": ["attribution", "factuality", "hedging", "boilerplate removal",
                     "near-duplicate detection", "news"],
        "inLanguage": "en",
        "distribution": distribution,
        "recordSet": record_sets,
    }
