-- Quick start: run with `flashcast run examples/quickstart.lua`.
-- Shows the Lua version and the FlashCast libraries available to scripts.
print(_VERSION .. " with FlashCast")
help()
