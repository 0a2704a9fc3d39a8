"""Chains beyond BTC/ETH/TRON: each read with its own checksum, a typo never valid."""

from __future__ import annotations

import pytest

from fraudlink.extract import Context, extract

# published examples (Stellar, Polkadot, CIP-19, Binance docs) and OFAC SDN list entries
VALID = [
    (
        "49HqitRzdnhYjgTEAhgGpCfsjdTeMbUTU6cyR4JV1R7k2Eej9rGT8JpFiYDa4tZM6RZiFrHmMzgSrhHEqpDYKBe5B2ufNsL",
        "xmr",
    ),
    ("qpf2cphc5dkuclkqur7lhj2yuqq9pk3hmukle77vhq", "bch"),
    ("t1MMXtBrSp1XG38Lx9cePcNUCJj5vdWfUWL", "zec"),
    ("GPwg61XoHqQPNmAucFACuQ5H9sGCDv9TpS", "btg"),
    ("GAAZI4TCR3TY5OJHCTJC2A4QSY6CJWJH5IAJTGKIN2ER7LBNVKOCCWN7", "xlm"),
    ("15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5", "dot"),
    (
        "addr1qx2fxv2umyhttkxyxp8x0dlpdt3k6cwng5pxj3jhsydzer3n0d3vllmyqwsx5wktcd8cc3sq835lu7drv2xwl2wywfgse35a3x",
        "ada",
    ),
    ("bnb1grpf0955h0ykzq3ar5nmum7y6gdfl6lxfn46h2", "bnb"),
]


def _wallets(text: str) -> list[tuple[str, str, bool]]:
    return [
        (m.value, m.attributes["chain"], m.valid)
        for m in extract(text, Context())
        if m.kind == "crypto_wallet"
    ]


@pytest.mark.parametrize(("address", "chain"), VALID)
def test_valid_address_of_each_chain(address: str, chain: str) -> None:
    [(_value, found_chain, valid)] = _wallets(f"send to {address} today")
    assert (found_chain, valid) == (chain, True)


def _typo(address: str) -> str:
    index = len(address) // 2
    swap = {"a": "b", "b": "c", "c": "d"}.get(address[index].lower())
    replacement = swap or ("2" if address[index] != "2" else "3")
    return address[:index] + replacement + address[index + 1 :]


@pytest.mark.parametrize(("address", "chain"), VALID)
def test_a_typo_is_never_valid(address: str, chain: str) -> None:
    assert all(not valid for _, _, valid in _wallets(_typo(address)))


def test_solana_only_after_its_label() -> None:
    key = "7EcDhSYGxXyscszYEp35KHN8vvw3svAuLKTzXwCFLtV"
    assert _wallets(f"token {key}") == []
    assert _wallets(f"Solana wallet: {key}") == [(key, "sol", True)]


def test_dogecoin_and_verge_share_an_address_shape() -> None:
    address = "DFFJhnQNZf8rf67tYnesPu7MuGUpYtzv7Z"
    assert _wallets(f"XVG {address}")[0][1] == "xvg"
    assert _wallets(f"Dogecoin {address}")[0][1] == "doge"
    assert _wallets(address)[0][1] == "doge|xvg"
