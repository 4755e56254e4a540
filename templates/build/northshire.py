"""placeholder"""

from pathlib import Path


def build(phase: str, template_dir: Path, mapping_dir: Path, generator: str) -> None:
    return None
