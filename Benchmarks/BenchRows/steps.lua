-- The same five steps as steps_pandas.py and steps_polars.py, each timed: read a CSV, filter,
-- group by customer with a sum and a count, sort, take the first ten, write the CSV.
-- usage: flashcast steps.lua ORDERS.csv OUT.csv
local path, out = arg[1], arg[2]
local clock = os.clock
local function timed(name, f)
  local start = clock()
  local result = f()
  io.write(string.format("%-9s %7.3f s\n", name, clock() - start))
  return result
end
local t = timed("read", function() return assert(orders.rows(path)) end)
local big = timed("filter", function() return t:filter("amount", ">", 50) end)
local per = timed("group", function()
  return big:group_by("customer"):aggregate{total = {"sum", "amount"}, orders = "count"}
end)
local top = timed("sort", function() return per:sort("total", "desc") end)
local head = timed("head", function() return top:head(10) end)
timed("write", function() return assert(top:save_csv(out)) end)
-- Not in the five: the same filter written as a function of each row (a table per row).
local byRow = timed("rowfn", function() return t:filter(function(r) return r.amount > 50 end) end)
assert(#byRow == #big)
print(#t, #big, #per)
print(head)
