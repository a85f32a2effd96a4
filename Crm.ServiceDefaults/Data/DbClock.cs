namespace Crm.ServiceDefaults.Data;

public static class DbClock
{
    /// <summary>
    /// Now, at the precision PostgreSQL keeps (microseconds), so a record answered right after a save
    /// is identical to the same record read back later.
    /// </summary>
    public static DateTime UtcNow
    {
        get
        {
            var now = DateTime.UtcNow;
            return now.AddTicks(-(now.Ticks % 10));
        }
    }
}
