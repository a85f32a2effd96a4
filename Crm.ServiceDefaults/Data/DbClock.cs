namespace Crm.ServiceDefaults.Data;

public static class DbClock
{
    /// <summary>
    /// Now, at the precision PostgreSQL keeps (microseconds), so a record answered right after a save
    /// is identical to the same record read back later.
    /// </summary>
    public static DateTime UtcNow => ToDbPrecision(DateTime.UtcNow);

    /// <summary>A time a client sent, cut to microseconds as PostgreSQL will keep it.</summary>
    public static DateTime ToDbPrecision(DateTime value) => value.AddTicks(-(value.Ticks % 10));
}
