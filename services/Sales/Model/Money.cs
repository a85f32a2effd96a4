using Crm.ServiceDefaults.Http;

namespace Crm.Sales.Model;

/// <summary>numeric(12,2): what a money field may hold.</summary>
public static class Money
{
    public const decimal Max = 9_999_999_999.99m;

    public static void Check(ValidationErrors errors, string field, decimal? value, string label, bool allowNegative = false)
    {
        if (value is not { } amount)
        {
            return;
        }

        if (!allowNegative && amount < 0)
        {
            errors.Add(field, $"{label} can't be negative.");
        }
        else if (Math.Abs(amount) > Max)
        {
            errors.Add(field, $"{label} is too large.");
        }
        else if (decimal.Round(amount, 2) != amount)
        {
            errors.Add(field, $"{label} can have at most 2 decimal places.");
        }
    }
}
