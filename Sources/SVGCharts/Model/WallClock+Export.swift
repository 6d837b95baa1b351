/// Chart options carry a `ShopZone`, so whoever draws charts gets the wall clock too.
@_exported import WallClock
