#!/bin/sh
# Builds the libFuzzer harness of the orders CSV reader and, given a number of seconds, runs it.
#   Fuzz/OrdersCSV/build.sh            build .build-fuzz/fuzz-orders-csv
#   Fuzz/OrdersCSV/build.sh 60         build, then fuzz for 60 seconds from the seed corpus
set -e
cd "$(dirname "$0")/../.."
mkdir -p .build-fuzz/corpus
swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name SaleData \
    $(find Sources/SaleData -name '*.swift') Fuzz/OrdersCSV/FuzzOrdersCSV.swift \
    -o .build-fuzz/fuzz-orders-csv
if [ -n "$1" ]; then
    .build-fuzz/fuzz-orders-csv -max_total_time="$1" -max_len=4096 .build-fuzz/corpus Fuzz/OrdersCSV/seeds
fi
