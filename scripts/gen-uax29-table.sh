#!/bin/sh
# Writes crates/lede-text/src/uax29/table.rs from the tables of the unicode-segmentation crate
# that Cargo.lock names (its source in the cargo registry), through scripts/gen-uax29-table.rs.
# Run from the repository root after updating that crate (a dev-dependency: the agreement tests
# compare lede-text's segmenters with it).
set -eu
version=$(grep -A1 '^name = "unicode-segmentation"$' Cargo.lock | sed -n 's/^version = "\(.*\)"$/\1/p')
src=$(ls -d "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/"unicode-segmentation-$version"/src | head -1)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$src/tables.rs" "$tmp/tables.rs"
cp scripts/gen-uax29-table.rs "$tmp/main.rs"
rustc -O --edition 2021 "$tmp/main.rs" -o "$tmp/gen"
"$tmp/gen" > crates/lede-text/src/uax29/table.rs
rustfmt --edition 2021 crates/lede-text/src/uax29/table.rs
echo "wrote crates/lede-text/src/uax29/table.rs from unicode-segmentation $version"
