"""Check-digit validators for the identifiers the engine looks for (pure functions)."""

from __future__ import annotations

# Lengths of the IBANs agents meet most (ISO 13616 registry); others: any length 15-34.
IBAN_LENGTHS = {
    "DE": 22,
    "AT": 20,
    "CH": 21,
    "NL": 18,
    "BE": 16,
    "LU": 20,
    "FR": 27,
    "IT": 27,
    "ES": 24,
    "PL": 28,
    "GB": 22,
    "DK": 18,
    "CZ": 24,
    "PT": 25,
    "TR": 26,
    "HR": 21,
}


def _letter_value(char: str) -> int:
    return int(char) if char.isdigit() else ord(char.upper()) - 55


def iban_ok(compact: str) -> bool:
    """ISO 13616 mod-97 check of an IBAN without spaces."""
    if not (15 <= len(compact) <= 34 and compact[:2].isalpha() and compact[2:4].isdigit()):
        return False
    if not compact.isalnum() or not compact.isascii():
        return False
    expected = IBAN_LENGTHS.get(compact[:2].upper())
    if expected is not None and len(compact) != expected:
        return False
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(_letter_value(c)) for c in rearranged)) % 97 == 1


def luhn_ok(digits: str) -> bool:
    """Luhn check (credit cards)."""
    total = 0
    for i, char in enumerate(reversed(digits)):
        value = int(char)
        if i % 2:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def card_prefix_ok(digits: str) -> bool:
    """Issuer prefix and length plausible for Visa, Mastercard, Amex, Maestro, Discover."""
    length = len(digits)
    if digits[0] == "4":
        return length in (13, 16, 19)
    if digits[:2] in {"51", "52", "53", "54", "55"} or 2221 <= int(digits[:4]) <= 2720:
        return length == 16
    if digits[:2] in {"34", "37"}:
        return length == 15
    return digits[0] == "6" and 16 <= length <= 19


def steuer_id_ok(digits: str) -> bool:
    """German tax ID (IdNr, 11 digits): ISO 7064 MOD 11,10 and the digit-distribution rule."""
    if len(digits) != 11 or not digits.isdigit() or digits[0] == "0":
        return False
    counts = [digits[:10].count(d) for d in set(digits[:10])]
    if sorted(counts)[-1] not in (2, 3) or sum(1 for c in counts if c > 1) != 1:
        return False
    product = 10
    for char in digits[:10]:
        total = (int(char) + product) % 10 or 10
        product = (total * 2) % 11
    check = 11 - product
    return (0 if check == 10 else check) == int(digits[10])


def icao_check_digit(chars: str) -> int:
    """ICAO 9303 check digit (weights 7, 3, 1) of a document number."""
    return sum(_letter_value(c) * w for c, w in zip(chars, [7, 3, 1] * 12, strict=False)) % 10


def kvnr_ok(value: str) -> bool:
    """Krankenversichertennummer: letter + 9 digits, last digit a weighted 1-2 digit-sum check."""
    if len(value) != 10 or not value[0].isalpha() or not value[1:].isdigit():
        return False
    digits = f"{ord(value[0].upper()) - 64:02d}" + value[1:9]
    total = 0
    for i, char in enumerate(digits):
        product = int(char) * (1 if i % 2 == 0 else 2)
        total += product // 10 + product % 10
    return total % 10 == int(value[9])


def rvnr_ok(value: str) -> bool:
    """Rentenversicherungsnummer: 8 digits, letter, 3 digits; weighted digit-sum check."""
    if len(value) != 12 or not value[:8].isdigit() or not value[8].isalpha():
        return False
    if not value[9:].isdigit():
        return False
    digits = value[:8] + f"{ord(value[8].upper()) - 64:02d}" + value[9:11]
    weights = (2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1)
    total = sum(
        (int(d) * w) // 10 + (int(d) * w) % 10 for d, w in zip(digits, weights, strict=True)
    )
    return total % 10 == int(value[11])
