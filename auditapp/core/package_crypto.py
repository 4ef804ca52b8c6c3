"""The package's signature and its transfer encryption.

Signature: ``manifest.sig`` holds the exporting user's certificate and a signature by their key
over the exact bytes of ``manifest.json``, which lists the SHA-256 of every other member; so one
signature covers the whole package.

Encryption: the whole zip, streamed through AES-256-GCM in 1 MiB frames (``cryptography``), under
a key derived from the transfer password with argon2id. Each frame's nonce carries its index and
its associated data says whether it is the last, so frames cannot be reordered, dropped or cut off
unnoticed. The header's key-derivation costs are bounded before use: a hostile header cannot ask
for gigabytes of memory.
"""

from __future__ import annotations

import base64
import dataclasses
import json
import os
import struct
from collections.abc import Iterator
from typing import IO, Any

from auditapp.core import kdf_cost
from auditapp.errors import BadInput, Refused

MAGIC = b"AUDITAPP-PACKAGE-AES256GCM/1\n"
FRAME = 1024 * 1024
MIN_TRANSFER_PASSWORD = 12
_KDF = dataclasses.asdict(kdf_cost.cost(kdf_cost.PACKAGE))  # minimal only under the test switch
_KDF_CAPS = {"time_cost": 10, "memory_kib": 256 * 1024, "parallelism": 8}
MAX_HEADER = 4096


class PackageCryptoError(Refused):
    """Wrong transfer password, or an encrypted package that was changed or cut off."""


# --- signature -----------------------------------------------------------------------------------


def sign(private_key: Any, data: bytes) -> tuple[str, bytes]:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa

    if isinstance(private_key, rsa.RSAPrivateKey):
        pss = padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=padding.PSS.DIGEST_LENGTH)
        return "RSA-PSS-SHA256", private_key.sign(data, pss, hashes.SHA256())
    if isinstance(private_key, ec.EllipticCurvePrivateKey):
        return "ECDSA-SHA256", private_key.sign(data, ec.ECDSA(hashes.SHA256()))
    if isinstance(private_key, ed25519.Ed25519PrivateKey):
        return "Ed25519", private_key.sign(data)
    raise Refused(f"signing keys of type {type(private_key).__name__} cannot sign packages")


def signature_document(identity: Any, username: str, full_name: str, data: bytes) -> bytes:
    algorithm, value = sign(identity.private_key, data)
    return json.dumps(
        {
            "algorithm": algorithm,
            "signer": {"username": username, "full_name": full_name},
            "certificate_sha256": identity.fingerprint,
            "certificate": identity.certificate_pem,
            "signature": base64.b64encode(value).decode("ascii"),
        },
        indent=1,
    ).encode("utf-8")


def verify_signature(sig: dict[str, Any], data: bytes) -> tuple[str, str, str]:
    """Check the signature over ``data``; returns (username, full name, certificate SHA-256).

    Raises Refused when it does not verify. Whether the signer is trusted is the caller's call.
    """
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa

    from auditapp.core.signing import certificates, fingerprint

    try:
        algorithm = str(sig["algorithm"])
        value = base64.b64decode(str(sig["signature"]), validate=True)
        pem = str(sig["certificate"])
        signer = sig["signer"]
        username, full_name = str(signer["username"])[:64], str(signer["full_name"])[:200]
        leaf = certificates(pem)[0]
    except (KeyError, TypeError, ValueError, BadInput) as exc:
        raise Refused(f"the package signature is unreadable ({type(exc).__name__})") from None
    key = leaf.public_key()
    try:
        if algorithm == "RSA-PSS-SHA256" and isinstance(key, rsa.RSAPublicKey):
            pss = padding.PSS(
                mgf=padding.MGF1(hashes.SHA256()), salt_length=padding.PSS.DIGEST_LENGTH
            )
            key.verify(value, data, pss, hashes.SHA256())
        elif algorithm == "ECDSA-SHA256" and isinstance(key, ec.EllipticCurvePublicKey):
            key.verify(value, data, ec.ECDSA(hashes.SHA256()))
        elif algorithm == "Ed25519" and isinstance(key, ed25519.Ed25519PublicKey):
            key.verify(value, data)
        else:
            raise Refused(f"the package signature uses an unknown algorithm {algorithm[:40]!r}")
    except InvalidSignature:
        raise Refused(
            "the package signature does not match its manifest (tampered package)"
        ) from None
    return username, full_name, fingerprint(leaf)


# --- transfer encryption -------------------------------------------------------------------------


def check_transfer_password(password: str) -> None:
    if len(password) < MIN_TRANSFER_PASSWORD:
        raise BadInput(
            f"the transfer password must have at least {MIN_TRANSFER_PASSWORD} characters"
        )


def _derive(password: str, header: dict[str, Any]) -> bytes:
    from argon2.low_level import Type, hash_secret_raw

    return hash_secret_raw(
        password.encode("utf-8"),
        base64.b64decode(header["salt"]),
        time_cost=header["time_cost"],
        memory_cost=header["memory_kib"],
        parallelism=header["parallelism"],
        hash_len=32,
        type=Type.ID,
    )


def _aad(header_bytes: bytes, index: int, final: bool) -> bytes:
    return header_bytes + struct.pack(">QB", index, 1 if final else 0)


class EncryptingWriter:
    """A write-only stream: what is written comes out as AES-GCM frames in ``target``.

    zipfile writes through it (it needs no seek), so the plain package never touches the disk.
    """

    def __init__(self, target: IO[bytes], password: str) -> None:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        header = dict(
            _KDF,
            kdf="argon2id",
            frame=FRAME,
            salt=base64.b64encode(os.urandom(16)).decode(),
            nonce_prefix=base64.b64encode(os.urandom(4)).decode(),
        )
        self.header_bytes = json.dumps(header, sort_keys=True).encode()
        self.aead = AESGCM(_derive(password, header))
        self.prefix = base64.b64decode(header["nonce_prefix"])
        self.target = target
        self.buffer = bytearray()
        self.index = 0
        self.closed = False
        target.write(MAGIC + struct.pack(">I", len(self.header_bytes)) + self.header_bytes)

    def _emit(self, chunk: bytes, final: bool) -> None:
        nonce = self.prefix + struct.pack(">Q", self.index)
        sealed = self.aead.encrypt(nonce, chunk, _aad(self.header_bytes, self.index, final))
        self.target.write(struct.pack(">I", len(sealed)) + sealed)
        self.index += 1

    def write(self, data: bytes) -> int:
        self.buffer += data
        while len(self.buffer) > FRAME:
            self._emit(bytes(self.buffer[:FRAME]), False)
            del self.buffer[:FRAME]
        return len(data)

    def flush(self) -> None:
        self.target.flush()

    def close(self) -> None:
        if not self.closed:
            self._emit(bytes(self.buffer), True)
            self.buffer.clear()
            self.closed = True
            self.target.flush()


def is_encrypted(head: bytes) -> bool:
    return head.startswith(MAGIC)


def decrypt_frames(source: IO[bytes], password: str) -> Iterator[bytes]:
    """The plain bytes, frame by frame; refuses a wrong password, a change or a cut-off file."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if source.read(len(MAGIC)) != MAGIC:
        raise PackageCryptoError("not an encrypted package")
    raw = source.read(4)
    size = struct.unpack(">I", raw)[0] if len(raw) == 4 else 0
    if not 0 < size <= MAX_HEADER:
        raise PackageCryptoError("the encrypted package's header is damaged")
    header_bytes = source.read(size)
    try:
        header = json.loads(header_bytes)
        for key, cap in _KDF_CAPS.items():
            value = header[key]
            if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= cap:
                raise ValueError(f"{key} out of range")
        if header.get("kdf") != "argon2id" or header.get("frame") != FRAME:
            raise ValueError("unknown parameters")
        prefix = base64.b64decode(header["nonce_prefix"], validate=True)
        if len(prefix) != 4 or len(base64.b64decode(header["salt"], validate=True)) < 16:
            raise ValueError("bad salt or nonce")
    except (ValueError, KeyError, TypeError) as exc:
        raise PackageCryptoError(f"the encrypted package's header is damaged ({exc})") from None
    aead = AESGCM(_derive(password, header))
    index = 0
    while True:
        raw = source.read(4)
        if len(raw) < 4:
            raise PackageCryptoError("the encrypted package is cut off")
        length = struct.unpack(">I", raw)[0]
        if length > FRAME + 16:
            raise PackageCryptoError("the encrypted package is damaged (frame too large)")
        sealed = source.read(length)
        nonce = prefix + struct.pack(">Q", index)
        for final in (False, True):
            try:
                plain = aead.decrypt(nonce, sealed, _aad(header_bytes, index, final))
                break
            except InvalidTag:
                continue
        else:
            if index == 0:
                raise PackageCryptoError("wrong transfer password, or the package was changed")
            raise PackageCryptoError("the encrypted package was changed or damaged")
        yield plain
        index += 1
        if final:
            if source.read(1):
                raise PackageCryptoError("the encrypted package has data after its end")
            return
