using System.Globalization;

namespace Swiotlb.Trace.TraceDat.Formats;

/// <summary>Parses the text of tracefs <c>format</c> files (and <c>header_page</c>, which has the same field lines).</summary>
internal static class EventFormatParser
{
    /// <summary>Parses one event format file; null when it has no <c>name:</c> or <c>ID:</c> line.</summary>
    public static EventFormat? Parse(string system, string text)
    {
        string? name = null;
        int? id = null;
        var common = new List<FieldFormat>();
        var fields = new List<FieldFormat>();
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.StartsWith("name:", StringComparison.Ordinal))
            {
                name = line["name:".Length..].Trim();
            }
            else if (line.StartsWith("ID:", StringComparison.Ordinal)
                && int.TryParse(line["ID:".Length..].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsedId))
            {
                id = parsedId;
            }
            else if (ParseFieldLine(line) is { } field)
            {
                (field.Name.StartsWith("common_", StringComparison.Ordinal) ? common : fields).Add(field);
            }
        }

        return name is null || id is null ? null : new EventFormat(id.Value, system, name, common, fields);
    }

    /// <summary>All field lines of a format text (used for <c>header_page</c>).</summary>
    public static IReadOnlyList<FieldFormat> ParseFields(string text) =>
        text.Split('\n').Select(l => ParseFieldLine(l.Trim())).OfType<FieldFormat>().ToList();

    /// <summary>Parses <c>field:TYPE NAME;	offset:N;	size:N;	signed:N;</c>.</summary>
    private static FieldFormat? ParseFieldLine(string line)
    {
        if (!line.StartsWith("field:", StringComparison.Ordinal))
        {
            return null;
        }

        var parts = line.Split(';', StringSplitOptions.TrimEntries);
        var declaration = parts[0]["field:".Length..].Trim();
        int? offset = null, size = null;
        var isSigned = false;
        foreach (var part in parts.Skip(1))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0 || !int.TryParse(part[(colon + 1)..], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                continue;
            }

            switch (part[..colon])
            {
                case "offset": offset = value; break;
                case "size": size = value; break;
                case "signed": isSigned = value != 0; break;
            }
        }

        if (offset is null || size is null || offset < 0 || size < 0)
        {
            return null;
        }

        return FromDeclaration(declaration, offset.Value, size.Value, isSigned);
    }

    private static FieldFormat? FromDeclaration(string declaration, int offset, int size, bool isSigned)
    {
        var location = FieldLocation.Inline;
        if (declaration.StartsWith("__data_loc ", StringComparison.Ordinal))
        {
            location = FieldLocation.DataLoc;
            declaration = declaration["__data_loc ".Length..];
        }
        else if (declaration.StartsWith("__rel_loc ", StringComparison.Ordinal))
        {
            location = FieldLocation.RelLoc;
            declaration = declaration["__rel_loc ".Length..];
        }

        var nameStart = declaration.LastIndexOf(' ') + 1;
        var nameWithBrackets = declaration[nameStart..];
        var typeName = declaration[..nameStart].Trim();
        var bracket = nameWithBrackets.IndexOf('[', StringComparison.Ordinal);
        var name = bracket < 0 ? nameWithBrackets : nameWithBrackets[..bracket];
        if (name.Length == 0)
        {
            return null;
        }

        var arrayLength = 0;
        if (bracket >= 0)
        {
            var close = nameWithBrackets.IndexOf(']', bracket);
            var count = close > bracket ? nameWithBrackets[(bracket + 1)..close] : "";
            arrayLength = int.TryParse(count, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 0;
            typeName += nameWithBrackets[bracket..];
        }

        return new FieldFormat(name, typeName, offset, size, isSigned, location, arrayLength);
    }
}
