using Crm.ServiceDefaults.Http;

namespace Crm.Billing.Model;

/// <summary>numeric(12,2): what a money field may hold.</summary>
public static class Money
{
    public const decimal Max = 9_999_999_999.99m;

    public static void Check(ValidationErrors errors, string field, decimal? value, string label)
    {
        if (value is not { } amount)
        {
            return;
        }

        if (amount <= 0)
        {
            errors.Add(field, $"{label} must be greater than 0.");
        }
        else if (amount > Max)
        {
            errors.Add(field, $"{label} is too large.");
        }
        else if (decimal.Round(amount, 2) != amount)
        {
            errors.Add(field, $"{label} can have at most 2 decimal places.");
        }
    }
}
