#!/usr/bin/env bash
# Fills fuzz/corpus/<target>/ with seed inputs (not committed: fuzz/corpus is
# gitignored). Safe to re-run: files are named by content hash.
#
#   fuzz/seed-corpus.sh              # from anywhere
#
# Seeds:
#   response_parse: crates/ocsp-types/tests/data/**/*.der, the base64 *.ors
#     responses of ../shared/vectors/openssl-ocsp/ (decoded), the Wikipedia
#     2017 response, the BasicOCSPResponse inside each of them, and responses
#     made here by `openssl ocsp` as a responder (good / revoked with reasons /
#     unknown, nonce, byKey, several single responses, no certs).
#   request_parse: requests made here by `openssl ocsp -reqout` (one and
#     several certificates, nonce or not, SHA-1 and SHA-256 CertIDs, signed
#     with and without certs), plus the CertIDs taken out of them, and
#     certificates (the *.pem of openssl-ocsp and the ones made here) for
#     CertificateRef::parse.
# The openssl-made seeds need the openssl CLI; without it they are skipped.
set -euo pipefail

fuzz_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$fuzz_dir/.." && pwd)"
vectors="${OCSP_VECTORS:-$root/../shared/vectors}"
resp_dir="$fuzz_dir/corpus/response_parse"
req_dir="$fuzz_dir/corpus/request_parse"
mkdir -p "$resp_dir" "$req_dir"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# add <dir> <file>: copies a non-empty file into the corpus under its hash.
add() {
    local dir="$1" file="$2" sum
    [ -s "$file" ] || return 0
    sum="$(sha1sum "$file" | cut -d' ' -f1)"
    cp "$file" "$dir/$sum"
}

# add_basic <file>: also seeds the BasicOCSPResponse inside an OCSPResponse
# (the first OCTET STRING at depth 3, responseBytes.response).
add_basic() {
    command -v openssl >/dev/null || return 0
    local fields
    fields="$(openssl asn1parse -inform DER -in "$1" 2>/dev/null \
        | awk '/d=3/ && /OCTET STRING/ { print $0; exit }')" || true
    [ -n "$fields" ] || return 0
    # "  22:d=3  hl=4 l=1461 prim: OCTET STRING": the content only.
    extract "$1" "$fields" content >"$work/basic.der"
    add "$resp_dir" "$work/basic.der"
}

# extract <file> <asn1parse line> whole|content: the bytes of that element.
extract() {
    local off hl len
    off="$(sed -E 's/^ *([0-9]+):.*/\1/' <<<"$2")"
    hl="$(sed -E 's/.*hl= *([0-9]+).*/\1/' <<<"$2")"
    len="$(sed -E 's/.* l= *([0-9]+).*/\1/' <<<"$2")"
    if [ "$3" = content ]; then
        tail -c +"$((off + hl + 1))" "$1" | head -c "$len"
    else
        tail -c +"$((off + 1))" "$1" | head -c "$((hl + len))"
    fi
}

# Test data of the crate (fuzz regressions included).
while IFS= read -r -d '' f; do
    add "$resp_dir" "$f"
    add "$req_dir" "$f"
    add_basic "$f"
done < <(find "$root/crates/ocsp-types/tests/data" -type f -name '*.der' -print0 2>/dev/null)

# OpenSSL's test-suite responses, base64 without PEM armour.
if [ -d "$vectors/openssl-ocsp" ]; then
    for f in "$vectors"/openssl-ocsp/*.ors; do
        base64 -d "$f" >"$work/ors.der" 2>/dev/null || continue
        add "$resp_dir" "$work/ors.der"
        add_basic "$work/ors.der"
    done
else
    echo "seed-corpus: $vectors/openssl-ocsp not found, skipped" >&2
fi
# Certificates (for CertificateRef::parse, tried by request_parse).
if command -v openssl >/dev/null && [ -d "$vectors/openssl-ocsp" ]; then
    for f in "$vectors"/openssl-ocsp/*.pem; do
        openssl x509 -in "$f" -outform DER -out "$work/cert.der" 2>/dev/null || continue
        add "$req_dir" "$work/cert.der"
    done
fi
if [ -f "$vectors/seed-wikipedia-2017/response.der" ]; then
    add "$resp_dir" "$vectors/seed-wikipedia-2017/response.der"
    add_basic "$vectors/seed-wikipedia-2017/response.der"
fi

if ! command -v openssl >/dev/null; then
    echo "seed-corpus: no openssl CLI, generated requests and responses skipped" >&2
else
    (
        cd "$work"
        q() { "$@" >/dev/null 2>&1; }
        # A CA, three end-entity certificates, a delegated responder and a requestor.
        q openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
            -keyout ca.key -out ca.pem -subj "/CN=Fuzz Seed CA" -days 3650 \
            -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign
        i=0
        for who in ee1 ee2 ee3 responder requestor; do
            i=$((i + 1))
            q openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
                -keyout "$who.key" -out "$who.csr" -subj "/CN=$who/O=Fuzz Seed"
            ext="$who.ext"
            if [ "$who" = responder ]; then
                printf 'extendedKeyUsage=OCSPSigning\nnoCheck=ignored\n' >"$ext"
            else
                printf 'basicConstraints=CA:FALSE\n' >"$ext"
            fi
            q openssl x509 -req -in "$who.csr" -CA ca.pem -CAkey ca.key \
                -set_serial "$((i * 4099))" -days 365 -out "$who.pem" -extfile "$ext"
        done
        # An RSA responder too, for RSA signatures in the seeds.
        q openssl req -newkey rsa:2048 -nodes -keyout rsa.key -out rsa.csr -subj "/CN=RSA responder"
        printf 'extendedKeyUsage=OCSPSigning\n' >rsa.ext
        q openssl x509 -req -in rsa.csr -CA ca.pem -CAkey ca.key -set_serial 77 -days 365 \
            -out rsa.pem -extfile rsa.ext

        n=0
        req() {
            n=$((n + 1))
            q openssl ocsp -issuer ca.pem "$@" -reqout "req$n.der"
        }
        req -cert ee1.pem -no_nonce
        req -cert ee1.pem
        req -cert ee1.pem -cert ee2.pem -cert ee3.pem
        req -sha256 -cert ee2.pem -no_nonce
        req -sha384 -cert ee3.pem -cert ee1.pem
        req -cert ee1.pem -signer requestor.pem -signkey requestor.key
        req -cert ee2.pem -cert ee3.pem -signer requestor.pem -signkey requestor.key -sign_other ca.pem
        req -cert ee1.pem -signer requestor.pem -signkey requestor.key -no_certs -no_nonce
        req -serial 0x00 -no_nonce
        req -serial 0x7fffffffffffffffffffffffffffffff -serial 0x80

        # The CA's index: ee1 good, ee2 revoked (keyCompromise), ee3 revoked
        # (no reason); serial 0x80 is unknown.
        {
            printf 'V\t301231235959Z\t\t1003\tunknown\t/CN=ee1/O=Fuzz Seed\n'
            printf 'R\t301231235959Z\t200102030405Z,keyCompromise\t2006\tunknown\t/CN=ee2/O=Fuzz Seed\n'
            printf 'R\t301231235959Z\t210102030405Z\t3009\tunknown\t/CN=ee3/O=Fuzz Seed\n'
        } >index.txt
        m=0
        resp() {
            local reqin="$1"
            shift
            m=$((m + 1))
            q openssl ocsp -index index.txt -CA ca.pem -reqin "$reqin" -respout "resp$m.der" -ndays 7 "$@"
        }
        for r in req1.der req2.der req3.der req4.der req5.der req6.der req10.der; do
            resp "$r" -rsigner responder.pem -rkey responder.key
        done
        resp req3.der -rsigner ca.pem -rkey ca.key -resp_key_id
        resp req2.der -rsigner responder.pem -rkey responder.key -resp_no_certs -nmin 30
        resp req3.der -rsigner rsa.pem -rkey rsa.key -rmd sha256 -resp_text
        resp req1.der -rsigner rsa.pem -rkey rsa.key -rsigopt rsa_padding_mode:pss
        resp req9.der -rsigner responder.pem -rkey responder.key -rother ca.pem
    )
    for f in "$work"/req*.der; do
        [ -e "$f" ] || continue
        add "$req_dir" "$f"
        # CertIDs for CertIdRef::parse (the request target tries it too).
        openssl asn1parse -inform DER -in "$f" 2>/dev/null \
            | awk '/d=4/ && /SEQUENCE/' \
            | while IFS= read -r line; do
                extract "$f" "$line" whole >"$work/certid.der"
                add "$req_dir" "$work/certid.der"
            done
    done
    for f in "$work"/*.pem; do
        [ -e "$f" ] || continue
        openssl x509 -in "$f" -outform DER -out "$work/cert.der" 2>/dev/null || continue
        add "$req_dir" "$work/cert.der"
    done
    for f in "$work"/resp*.der; do
        [ -e "$f" ] || continue
        add "$resp_dir" "$f"
        add_basic "$f"
    done
fi

echo "seed-corpus: $(find "$resp_dir" -type f | wc -l) files in $resp_dir"
echo "seed-corpus: $(find "$req_dir" -type f | wc -l) files in $req_dir"
