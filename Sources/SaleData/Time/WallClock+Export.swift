/// Series, orders and tables carry a `ShopZone`, so whoever uses SaleData gets the wall clock too.
@_exported import WallClock
