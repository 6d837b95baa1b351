#!/usr/bin/env bash
# Renders the chart golden files to the README pictures in docs/images (needs rsvg-convert).
# Run after `UPDATE_GOLDEN=1 swift test --filter SVGChartsTests` when a chart's look changed.
set -euo pipefail
cd "$(dirname "$0")/.."
for svg in Tests/SVGChartsTests/Golden/*.svg; do
    name=$(basename "$svg" .svg)
    [ "$name" = loss-log-dark ] && continue  # the README shows the light loss chart
    [ "$name" = layers-window ] && continue  # a test of the window option, not a README picture
    [ "$name" = early-warning-target ] && continue  # a test of the target and the end expected now
    rsvg-convert --width 640 "$svg" -o "docs/images/chart-$name.png"
done
