"""Every setting of the service, typed, in one table (``AKG_`` environment variables).

The README's settings table is generated from this class (``akg settings``), so the
two never disagree.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

import platformdirs
from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from nlp.recognition.tagger import DEFAULT_WEIGHTS, Weights

BUNDLED_MODEL = "akg-ar-ner"
OFFICIAL_MODEL = "stanza-official"


def _default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir("arabic-kg", appauthor=False))


class Settings(BaseSettings):
    """Configuration read from ``AKG_*`` environment variables (and a ``.env`` file)."""

    model_config = SettingsConfigDict(env_prefix="AKG_", env_file=".env", extra="ignore")

    neo4j_uri: str | None = Field(
        default=None,
        description="Bolt URI of a Neo4j 5 server (bolt://host:7687, neo4j://...). "
        "Unset: start or reuse the embedded ArcadeDB server under the data directory.",
    )
    neo4j_user: str = Field(default="neo4j", description="User for AKG_NEO4J_URI.")
    neo4j_password: SecretStr | None = Field(default=None, description="Password for AKG_NEO4J_URI.")
    neo4j_database: str | None = Field(
        default=None,
        description="Database name. Default: the server's default database (Neo4j) or `akg` (embedded).",
    )
    data_dir: Path = Field(
        default_factory=_default_data_dir,
        description="Where the embedded graph server keeps its data, password and logs.",
    )
    api_token: SecretStr | None = Field(
        default=None,
        description="Bearer token required for write requests. Unset: the API binds to loopback only.",
    )
    ner_model: str = Field(
        default=BUNDLED_MODEL,
        description=f"NER model: `{BUNDLED_MODEL}` (bundled), a directory holding ner.pt and "
        f"pretrain.pt, or `{OFFICIAL_MODEL}` (Stanza's Arabic models under STANZA_RESOURCES_DIR).",
    )
    ner_process: bool = Field(
        default=True,
        description="`akg serve` runs the NER model in a worker process, out of the way of the "
        "request handlers and the background writer (Python's interpreter lock). `false`: in the "
        "server's own process.",
    )
    ner_threads: int = Field(
        default=1,
        ge=1,
        le=64,
        description="CPU threads of the NER model (torch). The BiLSTM gains little from more, and one "
        "leaves the other cores to the graph writes and the API (see BENCHMARKS.md).",
    )
    ner_weights: Weights = Field(
        default=DEFAULT_WEIGHTS,
        description="How the NER model's LSTM and linear weights are stored while it runs (torch's dynamic "
        "quantisation). `float16`: the tagger about a quarter faster, the same spans as `float32` on "
        "every evaluation set; `int8`: faster still, a few spans differ (F1 within 0.01 per set); "
        "`float32`: as trained (see BENCHMARKS.md).",
    )
    stanza_resources_dir: Path | None = Field(
        default=None,
        description="Stanza resources directory for `stanza-official` (default: $STANZA_RESOURCES_DIR "
        "or ~/stanza_resources).",
    )
    disabled_rules: list[str] = Field(
        default_factory=list,
        description='Recognition rules switched off, as a JSON list (`["titles"]`); for measuring what '
        "each rule adds (`akg evaluate --ablate`). The rules are listed by `akg rules`.",
    )
    host: str = Field(default="127.0.0.1", description="Address `akg serve` binds to.")
    port: int = Field(default=8000, ge=1, le=65535, description="Port `akg serve` listens on.")
    max_body_bytes: int = Field(
        default=2_000_000, ge=1_000, description="Largest request body (and document) accepted, in bytes."
    )
    max_batch_documents: int = Field(
        default=1000, ge=1, le=100_000, description="Most documents one `POST /jobs` may hold."
    )
    cors_origins: list[str] = Field(
        default_factory=list,
        description='Origins allowed by CORS, as a JSON list (`["https://app.example"]`). Empty: CORS off.',
    )
    write_behind: bool = Field(
        default=True,
        description="`POST /documents` answers once the document is stored (as accepted); its graph "
        "write is batched in the background, overlapped with the next recognition. Reads of "
        "documents and entities wait for it; search sees it at once. `false`: write, then answer.",
    )
    index_refresh_seconds: float = Field(
        default=1.0,
        ge=0,
        description="Longest time the in-process alias index (search, resolution look-ups) may miss "
        "writes made by *other* processes; this process's own writes show at once.",
    )
    embedded_heap: str = Field(default="1g", description="Java heap of the embedded graph server.")
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = Field(default="INFO", description="Log level.")
    log_format: Literal["console", "json"] = Field(
        default="console", description="`json` for one structured record per line."
    )

    @property
    def uses_embedded_graph(self) -> bool:
        return not self.neo4j_uri


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings (read once from the environment)."""
    return Settings()


def settings_table() -> str:
    """The README table of settings, in Markdown."""
    rows = ["| variable | default | meaning |", "|---|---|---|"]
    for name, field in Settings.model_fields.items():
        if field.default_factory is None:
            default = field.default
        elif name == "data_dir":
            default = "(user data dir)/arabic-kg"
        else:
            default = field.default_factory()  # type: ignore[call-arg]
        shown = "—" if default is None else f"`{default}`"
        rows.append(f"| `AKG_{name.upper()}` | {shown} | {field.description} |")
    return "\n".join(rows)
