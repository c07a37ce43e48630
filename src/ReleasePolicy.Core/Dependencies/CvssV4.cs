using System;
using System.Collections.Generic;

namespace ReleasePolicy.Dependencies;

/// <summary>
/// The CVSS v4.0 score of a vector such as <c>CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N</c> (9.3),
/// by the specification's MacroVector method (section 8.2): the vector falls into one of 270 MacroVectors (six
/// equivalence sets EQ1–EQ6), whose expert-assigned score is lowered by how far the vector lies from the highest
/// severity vectors of that MacroVector, in proportion to the drop to the next lower MacroVector of each set. Threat
/// (<c>E</c>) and environmental metrics (<c>CR</c>, <c>MAV</c>, …) count when the vector gives them, as the
/// specification defines (CVSS-BT, CVSS-BE); supplemental metrics are accepted and do not change the score.
/// An OSV record that gives only a v4 vector still gets a severity this way.
/// </summary>
public static class CvssV4
{
    private static readonly string[] BaseMetrics = { "AV", "AC", "AT", "PR", "UI", "VC", "VI", "VA", "SC", "SI", "SA" };

    // The values each metric may take; "X" is "not defined" for every metric outside the base group.
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["AV"] = new[] { "N", "A", "L", "P" },
        ["AC"] = new[] { "L", "H" },
        ["AT"] = new[] { "N", "P" },
        ["PR"] = new[] { "N", "L", "H" },
        ["UI"] = new[] { "N", "P", "A" },
        ["VC"] = new[] { "H", "L", "N" },
        ["VI"] = new[] { "H", "L", "N" },
        ["VA"] = new[] { "H", "L", "N" },
        ["SC"] = new[] { "H", "L", "N" },
        ["SI"] = new[] { "H", "L", "N" },
        ["SA"] = new[] { "H", "L", "N" },
        ["E"] = new[] { "X", "A", "P", "U" },
        ["CR"] = new[] { "X", "H", "M", "L" },
        ["IR"] = new[] { "X", "H", "M", "L" },
        ["AR"] = new[] { "X", "H", "M", "L" },
        ["MAV"] = new[] { "X", "N", "A", "L", "P" },
        ["MAC"] = new[] { "X", "L", "H" },
        ["MAT"] = new[] { "X", "N", "P" },
        ["MPR"] = new[] { "X", "N", "L", "H" },
        ["MUI"] = new[] { "X", "N", "P", "A" },
        ["MVC"] = new[] { "X", "H", "L", "N" },
        ["MVI"] = new[] { "X", "H", "L", "N" },
        ["MVA"] = new[] { "X", "H", "L", "N" },
        ["MSC"] = new[] { "X", "H", "L", "N" },
        ["MSI"] = new[] { "X", "S", "H", "L", "N" },
        ["MSA"] = new[] { "X", "S", "H", "L", "N" },
        ["S"] = new[] { "X", "N", "P" },
        ["AU"] = new[] { "X", "N", "Y" },
        ["R"] = new[] { "X", "A", "U", "I" },
        ["V"] = new[] { "X", "D", "C" },
        ["RE"] = new[] { "X", "L", "M", "H" },
        ["U"] = new[] { "X", "Clear", "Green", "Amber", "Red" },
    };

    // Severity level of each value within its metric, in tenths (0 is the most severe): the specification's distances.
    private static readonly Dictionary<string, Dictionary<string, int>> Levels = new(StringComparer.Ordinal)
    {
        ["AV"] = Level(("N", 0), ("A", 1), ("L", 2), ("P", 3)),
        ["PR"] = Level(("N", 0), ("L", 1), ("H", 2)),
        ["UI"] = Level(("N", 0), ("P", 1), ("A", 2)),
        ["AC"] = Level(("L", 0), ("H", 1)),
        ["AT"] = Level(("N", 0), ("P", 1)),
        ["VC"] = Level(("H", 0), ("L", 1), ("N", 2)),
        ["VI"] = Level(("H", 0), ("L", 1), ("N", 2)),
        ["VA"] = Level(("H", 0), ("L", 1), ("N", 2)),
        ["SC"] = Level(("H", 1), ("L", 2), ("N", 3)),
        ["SI"] = Level(("S", 0), ("H", 1), ("L", 2), ("N", 3)),
        ["SA"] = Level(("S", 0), ("H", 1), ("L", 2), ("N", 3)),
        ["CR"] = Level(("H", 0), ("M", 1), ("L", 2)),
        ["IR"] = Level(("H", 0), ("M", 1), ("L", 2)),
        ["AR"] = Level(("H", 0), ("M", 1), ("L", 2)),
    };

    // The highest severity vectors of each level of each equivalence set (EQ3 and EQ6 together, by EQ3 then EQ6).
    private static readonly string[][] Eq1Highest =
    {
        new[] { "AV:N/PR:N/UI:N" },
        new[] { "AV:A/PR:N/UI:N", "AV:N/PR:L/UI:N", "AV:N/PR:N/UI:P" },
        new[] { "AV:P/PR:N/UI:N", "AV:A/PR:L/UI:P" },
    };

    private static readonly string[][] Eq2Highest =
    {
        new[] { "AC:L/AT:N" },
        new[] { "AC:H/AT:N", "AC:L/AT:P" },
    };

    private static readonly string[][][] Eq3Eq6Highest =
    {
        new[]
        {
            new[] { "VC:H/VI:H/VA:H/CR:H/IR:H/AR:H" },
            new[] { "VC:H/VI:H/VA:L/CR:M/IR:M/AR:H", "VC:H/VI:H/VA:H/CR:M/IR:M/AR:M" },
        },
        new[]
        {
            new[] { "VC:L/VI:H/VA:H/CR:H/IR:H/AR:H", "VC:H/VI:L/VA:H/CR:H/IR:H/AR:H" },
            new[] { "VC:L/VI:H/VA:L/CR:H/IR:M/AR:H", "VC:L/VI:H/VA:H/CR:H/IR:M/AR:M", "VC:H/VI:L/VA:H/CR:M/IR:H/AR:M", "VC:H/VI:L/VA:L/CR:M/IR:H/AR:H", "VC:L/VI:L/VA:H/CR:H/IR:H/AR:M" },
        },
        new[]
        {
            Array.Empty<string>(),
            new[] { "VC:L/VI:L/VA:L/CR:H/IR:H/AR:H" },
        },
    };

    private static readonly string[][] Eq4Highest =
    {
        new[] { "SC:H/SI:S/SA:S" },
        new[] { "SC:H/SI:H/SA:H" },
        new[] { "SC:L/SI:L/SA:L" },
    };

    // How many severity steps deep each MacroVector of a set is (the specification's "depth"), by level.
    private static readonly int[] Eq1Depth = { 1, 4, 5 };
    private static readonly int[] Eq2Depth = { 1, 2 };
    private static readonly int[][] Eq3Eq6Depth = { new[] { 7, 6 }, new[] { 8, 8 }, new[] { 0, 10 } };
    private static readonly int[] Eq4Depth = { 6, 5, 4 };

    // The score of every MacroVector (EQ1 to EQ6 digits), as the CVSS v4.0 specification assigns them.
    private static readonly Dictionary<string, decimal> MacroVectorScores = ParseScores(
        "000000 10 000001 9.9 000010 9.8 000011 9.5 000020 9.5 000021 9.2 000100 10 000101 9.6 000110 9.3 000111 8.7 " +
        "000120 9.1 000121 8.1 000200 9.3 000201 9 000210 8.9 000211 8 000220 8.1 000221 6.8 001000 9.8 001001 9.5 " +
        "001010 9.5 001011 9.2 001020 9 001021 8.4 001100 9.3 001101 9.2 001110 8.9 001111 8.1 001120 8.1 001121 6.5 " +
        "001200 8.8 001201 8 001210 7.8 001211 7 001220 6.9 001221 4.8 002001 9.2 002011 8.2 002021 7.2 002101 7.9 " +
        "002111 6.9 002121 5 002201 6.9 002211 5.5 002221 2.7 010000 9.9 010001 9.7 010010 9.5 010011 9.2 010020 9.2 " +
        "010021 8.5 010100 9.5 010101 9.1 010110 9 010111 8.3 010120 8.4 010121 7.1 010200 9.2 010201 8.1 010210 8.2 " +
        "010211 7.1 010220 7.2 010221 5.3 011000 9.5 011001 9.3 011010 9.2 011011 8.5 011020 8.5 011021 7.3 011100 9.2 " +
        "011101 8.2 011110 8 011111 7.2 011120 7 011121 5.9 011200 8.4 011201 7 011210 7.1 011211 5.2 011220 5 " +
        "011221 3 012001 8.6 012011 7.5 012021 5.2 012101 7.1 012111 5.2 012121 2.9 012201 6.3 012211 2.9 012221 1.7 " +
        "100000 9.8 100001 9.5 100010 9.4 100011 8.7 100020 9.1 100021 8.1 100100 9.4 100101 8.9 100110 8.6 100111 7.4 " +
        "100120 7.7 100121 6.4 100200 8.7 100201 7.5 100210 7.4 100211 6.3 100220 6.3 100221 4.9 101000 9.4 101001 8.9 " +
        "101010 8.8 101011 7.7 101020 7.6 101021 6.7 101100 8.6 101101 7.6 101110 7.4 101111 5.8 101120 5.9 101121 5 " +
        "101200 7.2 101201 5.7 101210 5.7 101211 5.2 101220 5.2 101221 2.5 102001 8.3 102011 7 102021 5.4 102101 6.5 " +
        "102111 5.8 102121 2.6 102201 5.3 102211 2.1 102221 1.3 110000 9.5 110001 9 110010 8.8 110011 7.6 110020 7.6 " +
        "110021 7 110100 9 110101 7.7 110110 7.5 110111 6.2 110120 6.1 110121 5.3 110200 7.7 110201 6.6 110210 6.8 " +
        "110211 5.9 110220 5.2 110221 3 111000 8.9 111001 7.8 111010 7.6 111011 6.7 111020 6.2 111021 5.8 111100 7.4 " +
        "111101 5.9 111110 5.7 111111 5.7 111120 4.7 111121 2.3 111200 6.1 111201 5.2 111210 5.7 111211 2.9 111220 2.4 " +
        "111221 1.6 112001 7.1 112011 5.9 112021 3 112101 5.8 112111 2.6 112121 1.5 112201 2.3 112211 1.3 112221 0.6 " +
        "200000 9.3 200001 8.7 200010 8.6 200011 7.2 200020 7.5 200021 5.8 200100 8.6 200101 7.4 200110 7.4 200111 6.1 " +
        "200120 5.6 200121 3.4 200200 7 200201 5.4 200210 5.2 200211 4 200220 4 200221 2.2 201000 8.5 201001 7.5 " +
        "201010 7.4 201011 5.5 201020 6.2 201021 5.1 201100 7.2 201101 5.7 201110 5.5 201111 4.1 201120 4.6 201121 1.9 " +
        "201200 5.3 201201 3.6 201210 3.4 201211 1.9 201220 1.9 201221 0.8 202001 6.4 202011 5.1 202021 2 202101 4.7 " +
        "202111 2.1 202121 1.1 202201 2.4 202211 0.9 202221 0.4 210000 8.8 210001 7.5 210010 7.3 210011 5.3 210020 6 " +
        "210021 5 210100 7.3 210101 5.5 210110 5.9 210111 4 210120 4.1 210121 2 210200 5.4 210201 4.3 210210 4.5 " +
        "210211 2.2 210220 2 210221 1.1 211000 7.5 211001 5.5 211010 5.8 211011 4.5 211020 4 211021 2.1 211100 6.1 " +
        "211101 5.1 211110 4.8 211111 1.8 211120 2 211121 0.9 211200 4.6 211201 1.8 211210 1.7 211211 0.7 211220 0.8 " +
        "211221 0.2 212001 5.3 212011 2.4 212021 1.4 212101 2.4 212111 1.2 212121 0.5 212201 1 212211 0.3 212221 0.1");

    /// <returns>The score 0.0–10.0, or null when the text is not a valid CVSS v4.0 vector with every base metric.</returns>
    public static double? Score(string vector)
    {
        if (Parse(vector) is not { } metrics)
        {
            return null;
        }

        string Effective(string metric)
        {
            // Threat and security requirements default to the worst case; a modified metric replaces its base metric.
            metrics.TryGetValue(metric, out var value);
            value ??= "X";
            if (value == "X")
            {
                switch (metric)
                {
                    case "E":
                        return "A";
                    case "CR":
                    case "IR":
                    case "AR":
                        return "H";
                }
            }

            return metrics.TryGetValue("M" + metric, out var modified) && modified != "X" ? modified : value;
        }

        if (Array.TrueForAll(new[] { "VC", "VI", "VA", "SC", "SI", "SA" }, m => Effective(m) == "N"))
        {
            return 0.0;
        }

        var av = Effective("AV");
        var pr = Effective("PR");
        var ui = Effective("UI");
        var eq1 = av == "N" && pr == "N" && ui == "N" ? 0 : (av == "N" || pr == "N" || ui == "N") && av != "P" ? 1 : 2;
        var eq2 = Effective("AC") == "L" && Effective("AT") == "N" ? 0 : 1;
        var vc = Effective("VC");
        var vi = Effective("VI");
        var va = Effective("VA");
        var eq3 = vc == "H" && vi == "H" ? 0 : vc == "H" || vi == "H" || va == "H" ? 1 : 2;
        var eq4 = Effective("MSI") == "S" || Effective("MSA") == "S" ? 0
            : Effective("SC") == "H" || Effective("SI") == "H" || Effective("SA") == "H" ? 1 : 2;
        var eq5 = Effective("E") switch { "A" => 0, "P" => 1, _ => 2 };
        var eq6 = (Effective("CR") == "H" && vc == "H") || (Effective("IR") == "H" && vi == "H") || (Effective("AR") == "H" && va == "H") ? 0 : 1;

        var value = MacroVectorScores[Key(eq1, eq2, eq3, eq4, eq5, eq6)];

        // The next lower MacroVector of each set (null where there is none). EQ3 and EQ6 move together: from 00 the
        // higher of 01 and 10, from 01 and 10 to 11, from 11 to 21.
        decimal? Lower(int a, int b, int c, int d, int e, int f) =>
            MacroVectorScores.TryGetValue(Key(a, b, c, d, e, f), out var score) ? score : null;
        var lower1 = Lower(eq1 + 1, eq2, eq3, eq4, eq5, eq6);
        var lower2 = Lower(eq1, eq2 + 1, eq3, eq4, eq5, eq6);
        var lower36 = (eq3, eq6) switch
        {
            (0, 0) => Max(Lower(eq1, eq2, eq3, eq4, eq5, eq6 + 1), Lower(eq1, eq2, eq3 + 1, eq4, eq5, eq6)),
            (1, 0) => Lower(eq1, eq2, eq3, eq4, eq5, eq6 + 1),
            (0, 1) or (1, 1) => Lower(eq1, eq2, eq3 + 1, eq4, eq5, eq6),
            _ => Lower(eq1, eq2, eq3 + 1, eq4, eq5, eq6 + 1),
        };
        var lower4 = Lower(eq1, eq2, eq3, eq4 + 1, eq5, eq6);
        var lower5 = Lower(eq1, eq2, eq3, eq4, eq5 + 1, eq6);

        // The first highest severity vector of the MacroVector that the vector does not exceed in any metric.
        Dictionary<string, int>? distances = null;
        foreach (var a in Eq1Highest[eq1])
        {
            foreach (var b in Eq2Highest[eq2])
            {
                foreach (var c in Eq3Eq6Highest[eq3][eq6])
                {
                    foreach (var d in Eq4Highest[eq4])
                    {
                        var candidate = Distances(string.Join("/", a, b, c, d), Effective);
                        if (candidate is not null)
                        {
                            distances = candidate;
                            goto Found;
                        }
                    }
                }
            }
        }

    Found:
        if (distances is null)
        {
            // Every valid vector lies under one of its MacroVector's highest vectors; this only guards the tables.
            return (double)value;
        }

        var distance1 = distances["AV"] + distances["PR"] + distances["UI"];
        var distance2 = distances["AC"] + distances["AT"];
        var distance36 = distances["VC"] + distances["VI"] + distances["VA"] + distances["CR"] + distances["IR"] + distances["AR"];
        var distance4 = distances["SC"] + distances["SI"] + distances["SA"];

        // Each set with a lower MacroVector moves the score towards it by the vector's share of the MacroVector's
        // depth; EQ5 has depth one step, so it always contributes 0 but still counts in the mean.
        var sum = 0m;
        var count = 0;
        void Add(decimal? lower, int distance, int depth)
        {
            if (lower is { } next)
            {
                count++;
                sum += depth == 0 ? 0 : (value - next) * distance / depth;
            }
        }

        Add(lower1, distance1, Eq1Depth[eq1]);
        Add(lower2, distance2, Eq2Depth[eq2]);
        Add(lower36, distance36, Eq3Eq6Depth[eq3][eq6]);
        Add(lower4, distance4, Eq4Depth[eq4]);
        Add(lower5, 0, 1);

        var score = value - (count == 0 ? 0 : sum / count);
        score = Math.Min(10m, Math.Max(0m, score));
        return (double)Math.Round(score, 1, MidpointRounding.AwayFromZero);
    }

    private static Dictionary<string, string>? Parse(string vector)
    {
        var parts = vector.Trim().Split('/');
        if (parts.Length < 1 + BaseMetrics.Length || parts[0] != "CVSS:4.0")
        {
            return null;
        }

        var metrics = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < parts.Length; i++)
        {
            var colon = parts[i].IndexOf(':');
            if (colon <= 0)
            {
                return null;
            }

            var name = parts[i].Substring(0, colon);
            var value = parts[i].Substring(colon + 1);
            if (!Allowed.TryGetValue(name, out var values) || Array.IndexOf(values, value) < 0 || metrics.ContainsKey(name))
            {
                return null;
            }

            metrics[name] = value;
        }

        return Array.TrueForAll(BaseMetrics, metrics.ContainsKey) ? metrics : null;
    }

    /// <summary>The vector's distance below a highest severity vector, per metric in tenths; null when it is above it anywhere.</summary>
    private static Dictionary<string, int>? Distances(string highest, Func<string, string> effective)
    {
        var distances = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var part in highest.Split('/'))
        {
            var colon = part.IndexOf(':');
            var metric = part.Substring(0, colon);
            var levels = Levels[metric];
            var distance = levels[effective(metric)] - levels[part.Substring(colon + 1)];
            if (distance < 0)
            {
                return null;
            }

            distances[metric] = distance;
        }

        return distances;
    }

    private static string Key(int a, int b, int c, int d, int e, int f) => string.Concat(a, b, c, d, e, f);

    private static decimal? Max(decimal? a, decimal? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);

    private static Dictionary<string, int> Level(params (string Value, int Level)[] levels)
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (value, level) in levels)
        {
            map[value] = level;
        }

        return map;
    }

    private static Dictionary<string, decimal> ParseScores(string table)
    {
        var items = table.Split(' ');
        var scores = new Dictionary<string, decimal>(items.Length / 2, StringComparer.Ordinal);
        for (var i = 0; i + 1 < items.Length; i += 2)
        {
            scores[items[i]] = decimal.Parse(items[i + 1], System.Globalization.CultureInfo.InvariantCulture);
        }

        return scores;
    }
}
