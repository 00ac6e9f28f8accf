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
#   verify: every whole OCSPResponse above (the Wikipedia 2017 seed first:
#     the target verifies against its issuer, serial and time).
#   get_url: GET URLs of each request above (escaped, unescaped, URL-safe,
#     with a path prefix, query and fragment, path only).
#   cli_input: responses and requests as DER, PEM (OCSP RESPONSE / OCSP
#     REQUEST), bare base64 and GET URLs, and certificates as PEM.
#   owned_roundtrip: a few byte strings (the target decodes its input with
#     `arbitrary`, so any bytes are a start).
#   differential: the same seeds as response_parse (copied at the end).
# The openssl-made seeds need the openssl CLI; without it they are skipped.
set -euo pipefail

fuzz_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$fuzz_dir/.." && pwd)"
vectors="${OCSP_VECTORS:-$root/../shared/vectors}"
resp_dir="$fuzz_dir/corpus/response_parse"
req_dir="$fuzz_dir/corpus/request_parse"
verify_dir="$fuzz_dir/corpus/verify"
url_dir="$fuzz_dir/corpus/get_url"
cli_dir="$fuzz_dir/corpus/cli_input"
owned_dir="$fuzz_dir/corpus/owned_roundtrip"
diff_dir="$fuzz_dir/corpus/differential"
mkdir -p "$resp_dir" "$req_dir" "$verify_dir" "$url_dir" "$cli_dir" "$owned_dir" "$diff_dir"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# Every seed given to response_parse in this run, for differential.
resp_seeds="$work/response-seeds"
mkdir "$resp_seeds"

# add <dir> <file>: copies a non-empty file into the corpus under its hash.
add() {
    local dir="$1" file="$2" sum
    [ -s "$file" ] || return 0
    sum="$(sha1sum "$file" | cut -d' ' -f1)"
    cp "$file" "$dir/$sum"
    if [ "$dir" = "$resp_dir" ]; then
        cp "$file" "$resp_seeds/$sum"
    fi
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

# add_response <file>: a whole OCSPResponse, for verify and cli_input too.
add_response() {
    add "$resp_dir" "$1"
    add "$verify_dir" "$1"
    add_text_forms "$1" "OCSP RESPONSE"
}

# add_text_forms <file> <PEM label>: DER, PEM and bare base64 for cli_input.
add_text_forms() {
    add "$cli_dir" "$1"
    { echo "-----BEGIN $2-----"; base64 -w 64 "$1"; echo "-----END $2-----"; } >"$work/pem.txt"
    add "$cli_dir" "$work/pem.txt"
    base64 -w 76 "$1" >"$work/b64.txt"
    add "$cli_dir" "$work/b64.txt"
}

# add_request <file>: a whole OCSPRequest, as GET URLs for get_url and
# cli_input, and as DER/PEM/base64 for cli_input.
add_request() {
    add "$req_dir" "$1"
    add_text_forms "$1" "OCSP REQUEST"
    local b64
    b64="$(base64 -w 0 "$1")"
    local escaped="${b64//+/%2B}"
    escaped="${escaped//\//%2F}"
    escaped="${escaped//=/%3D}"
    local i=0 u
    for u in "http://ocsp.example.com/$escaped" \
        "http://ocsp.example.com/$b64" \
        "https://ocsp.example.com:8080/some/prefix/${b64//=/}?x=1#frag" \
        "/$(tr '+/' '-_' <<<"$b64")" \
        "$escaped"; do
        i=$((i + 1))
        printf '%s' "$u" >"$work/url$i.txt"
        add "$url_dir" "$work/url$i.txt"
        add "$cli_dir" "$work/url$i.txt"
    done
}

# Two fixed requests (made once by `openssl ocsp -reqout` for serials of
# crates/ocsp-request/tests/data/test-ca.der: SHA-1, no nonce; SHA-256, two
# serials, nonce), so that get_url and cli_input have seeds without openssl.
for b64 in \
    'MEMwQTA/MD0wOzAJBgUrDgMCGgUABBQiTlS8he9JuVqRNlb7ZmbVztfJ7AQUPs20/t9oKt/ilKSJ8fgA0jVtivUCAhAD' \
    'MIHhMIHeMIG2MFkwVzANBglghkgBZQMEAgEFAAQgMIgu5MfKtKclq2VEFnZE4XMbcivS+KlTBpvhVFonCt0EICJhDiehr10bdSeMPgDuKZP+S+AcYJS/pf70j2IRelhoAgJ//zBZMFcwDQYJYIZIAWUDBAIBBQAEIDCILuTHyrSnJatlRBZ2ROFzG3Ir0vipUwab4VRaJwrdBCAiYQ4noa9dG3UnjD4A7imT/kvgHGCUv6X+9I9iEXpYaAICAICiIzAhMB8GCSsGAQUFBzABAgQSBBB5IpueOw3LB4EzMPmHLhGT'; do
    printf '%s' "$b64" | base64 -d >"$work/fixed-req.der"
    add_request "$work/fixed-req.der"
done

# Test data of the crate (fuzz regressions included).
while IFS= read -r -d '' f; do
    add_response "$f"
    add "$req_dir" "$f"
    add_basic "$f"
done < <(find "$root/crates/ocsp-types/tests/data" -type f -name '*.der' -print0 2>/dev/null)

# OpenSSL's test-suite responses, base64 without PEM armour.
if [ -d "$vectors/openssl-ocsp" ]; then
    for f in "$vectors"/openssl-ocsp/*.ors; do
        base64 -d "$f" >"$work/ors.der" 2>/dev/null || continue
        add_response "$work/ors.der"
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
    add_response "$vectors/seed-wikipedia-2017/response.der"
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
        add_request "$f"
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
    for f in "$work"/*.pem; do
        [ -e "$f" ] || continue
        add "$cli_dir" "$f"
    done
    for f in "$work"/resp*.der; do
        [ -e "$f" ] || continue
        add_response "$f"
        add_basic "$f"
    done
fi

# owned_roundtrip: a few byte strings for `arbitrary` to start from.
for n in 64 256 1024; do
    head -c "$n" /dev/zero >"$work/zeros"
    add "$owned_dir" "$work/zeros"
done
printf '\001\377\200\003\002\001\000\004\020\000\001\002\003' >"$work/bytes"
add "$owned_dir" "$work/bytes"
for f in "$verify_dir"/*; do
    [ -e "$f" ] || continue
    add "$owned_dir" "$f"
    break
done

# differential: the response_parse seeds (not the files its campaigns added).
cp "$resp_seeds"/* "$diff_dir"/ 2>/dev/null || true

for d in "$resp_dir" "$req_dir" "$verify_dir" "$url_dir" "$cli_dir" "$owned_dir" "$diff_dir"; do
    echo "seed-corpus: $(find "$d" -type f | wc -l) files in $d"
done
