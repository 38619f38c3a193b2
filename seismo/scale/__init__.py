"""Scale: every core of one machine (`code_in_parallel`), and Apache Spark beyond it.

Both run the same `seismo.pipeline.code_documents` as the single-process path, so an event
has the same id, code and date whichever path coded it. The Spark job lives in
`seismo.scale.spark` and imports pyspark only when it runs.
"""

from seismo.scale.workers import code_in_parallel, default_workers

__all__ = ["code_in_parallel", "default_workers"]
