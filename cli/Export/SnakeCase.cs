using System.Text;

namespace Swiotlb.Trace.Cli.Export;

/// <summary>Enum values as the exported tables spell them: <c>PoolFull</c> → <c>pool_full</c>, computed once per type.</summary>
public static class SnakeCase
{
    /// <remarks>A value the enum does not name (a direction or kind read from a damaged capture) is written as its number.</remarks>
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum =>
        Names<TEnum>.ByValue.TryGetValue(value, out var name) ? name : System.Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Convert(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
                text.Append('_');
            text.Append(char.ToLowerInvariant(name[i]));
        }
        return text.ToString();
    }

    private static class Names<TEnum> where TEnum : struct, Enum
    {
        public static readonly Dictionary<TEnum, string> ByValue = Enum.GetValues<TEnum>().Distinct().ToDictionary(v => v, v => Convert(v.ToString()));
    }
}
