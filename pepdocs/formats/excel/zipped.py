"""A zip package written with the untouched members' compressed bytes copied as they are.

A template is split once into its members (name, timestamp, compressed bytes, checksum);
writing a filled workbook then deflates only the parts that changed and copies every other
member's bytes, in the template's order, with the template's timestamps. The same parts give
the same bytes: nothing depends on the clock or on the order parts were changed in.

Written by hand (APPNOTE.TXT 4.3: local headers, central directory, end record) because
zipfile cannot add a member from bytes that are already compressed. Packages stay far below
zip64 sizes; a member past 4 GB is refused.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from pepdocs.errors import PepdocsError

__all__ = ["Member", "PreparedZip", "rewrite_members"]

_LOCAL = struct.Struct("<4s5H3L2H")
_CENTRAL = struct.Struct("<4s6H3L5H2L")
_END = struct.Struct("<4s4H2LH")
_UTF8_NAME = 0x800
#: the timestamp of a member the template does not have (a fixed one: same input, same bytes)
NEW_MEMBER_TIME = (1980, 1, 1, 0, 0, 0)
_LIMIT = 0xFFFFFFFF


@dataclass(frozen=True, slots=True)
class Member:
    name: str
    date_time: tuple[int, int, int, int, int, int]
    method: int
    crc: int
    size: int
    external_attr: int
    compressed: bytes


def _dos_time(stamp: tuple[int, int, int, int, int, int]) -> tuple[int, int]:
    year, month, day, hour, minute, second = stamp
    return (hour << 11) | (minute << 5) | (second // 2), ((max(year, 1980) - 1980) << 9) | (
        month << 5
    ) | day


def compress(name: str, content: bytes, stamp: tuple[int, int, int, int, int, int]) -> Member:
    engine = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    packed = engine.compress(content) + engine.flush()
    return Member(
        name, stamp, zipfile.ZIP_DEFLATED, zlib.crc32(content), len(content), 0o600 << 16, packed
    )


@dataclass(frozen=True, slots=True)
class PreparedZip:
    """A template's members, ready to be written again with some of them replaced."""

    members: tuple[Member, ...]

    @classmethod
    def from_bytes(cls, data: bytes) -> PreparedZip:
        """The members of a zip that has passed the safe-open checks (a template, or a
        package pepdocs itself wrote)."""
        members = []
        with zipfile.ZipFile(io.BytesIO(data)) as source:
            for info in source.infolist():
                offset = info.header_offset
                header = _LOCAL.unpack_from(data, offset)
                start = offset + _LOCAL.size + header[9] + header[10]
                members.append(
                    Member(
                        info.filename,
                        info.date_time,
                        info.compress_type,
                        info.CRC,
                        info.file_size,
                        info.external_attr,
                        bytes(data[start : start + info.compress_size]),
                    )
                )
        return cls(tuple(members))

    def names(self) -> tuple[str, ...]:
        return tuple(member.name for member in self.members)

    def replaced(self, parts: Mapping[str, bytes]) -> PreparedZip:
        """The same members with ``parts`` replaced (new names added at the end)."""
        members = []
        pending = dict(parts)
        for member in self.members:
            content = pending.pop(member.name, None)
            members.append(
                member if content is None else compress(member.name, content, member.date_time)
            )
        for name in sorted(pending):
            members.append(compress(name, pending[name], NEW_MEMBER_TIME))
        return PreparedZip(tuple(members))

    def write(self, parts: Mapping[str, bytes] | None = None) -> bytes:
        """The package's bytes, with ``parts`` (name -> new content) deflated in place of
        the members of those names."""
        members = self.replaced(parts).members if parts else self.members
        out = bytearray()
        central = bytearray()
        for member in members:
            if len(out) > _LIMIT or member.size > _LIMIT or len(member.compressed) > _LIMIT:
                raise PepdocsError(f"part {member.name} is too large for a workbook")
            name = member.name.encode("utf-8")
            flags = 0 if name.isascii() else _UTF8_NAME
            time, date = _dos_time(member.date_time)
            offset = len(out)
            out += _LOCAL.pack(
                b"PK\x03\x04", 20, flags, member.method, time, date,
                member.crc, len(member.compressed), member.size, len(name), 0,
            )  # fmt: skip
            out += name
            out += member.compressed
            central += _CENTRAL.pack(
                b"PK\x01\x02", 20, 20, flags, member.method, time, date,
                member.crc, len(member.compressed), member.size, len(name), 0, 0, 0, 0,
                member.external_attr, offset,
            )  # fmt: skip
            central += name
        start = len(out)
        out += central
        out += _END.pack(b"PK\x05\x06", 0, 0, len(members), len(members), len(central), start, 0)
        return bytes(out)


def rewrite_members(data: bytes, change: Mapping[str, Callable[[bytes | None], bytes]]) -> bytes:
    """``data`` (a package pepdocs wrote) with the members named in ``change`` replaced by
    what each function returns for the old content (None for a member that is new); every
    other member's compressed bytes are copied."""
    prepared = PreparedZip.from_bytes(data)
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        present = set(source.namelist())
        parts = {
            name: rewrite(source.read(name) if name in present else None)
            for name, rewrite in change.items()
        }
    return prepared.write(parts)
