using System.Security.Cryptography;

namespace Crm.AppHost.Hosting;

/// <summary>Generated passwords persisted under the data dir, readable by the owner only.</summary>
public static class Secrets
{
    /// <param name="generate">Makes the value when the file does not exist yet; a password by default.</param>
    /// <returns>The password and whether it was created just now.</returns>
    public static (string Value, bool Created) GetOrCreate(string dataDir, string name, Func<string>? generate = null)
    {
        var dir = Path.Combine(dataDir, "secrets");
        var file = Path.Combine(dir, name);
        if (File.Exists(file))
        {
            return (File.ReadAllText(file).Trim(), false);
        }

        Directory.CreateDirectory(dir);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var value = (generate ?? Generate)();
        File.WriteAllText(file, value);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return (value, true);
    }

    /// <summary>32 random bytes in hex: safe in a URL as it is.</summary>
    public static string GenerateToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    /// <summary>24 random characters from upper, lower, digits and symbols (meets the usual password rules).</summary>
    public static string Generate()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", lower = "abcdefghijkmnopqrstuvwxyz", digits = "23456789", symbols = "-_.!";
        var all = upper + lower + digits;
        var chars = new char[24];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        }

        // One of each class at fixed random-looking slots keeps every password policy happy.
        chars[3] = upper[RandomNumberGenerator.GetInt32(upper.Length)];
        chars[9] = lower[RandomNumberGenerator.GetInt32(lower.Length)];
        chars[15] = digits[RandomNumberGenerator.GetInt32(digits.Length)];
        chars[20] = symbols[RandomNumberGenerator.GetInt32(symbols.Length)];
        return new string(chars);
    }
}
