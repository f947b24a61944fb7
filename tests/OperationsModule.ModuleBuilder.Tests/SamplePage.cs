namespace OperationsModule.ModuleBuilder.Tests
{
    /// <summary>A small PlatyPS 0.14 page with every section, and a way to break one part of it per test.</summary>
    internal static class SamplePage
    {
        public const string File = "Stop-Thing.md";

        public const string Text = """
---
external help file: Sample.dll-Help.xml
Module Name: Sample
online version:
schema: 2.0.0
---

# Stop-Thing

## SYNOPSIS
Stops things.

## SYNTAX

### ById (Default)
```
Stop-Thing [-Id] <String[]> [-Force] [<CommonParameters>]
```

### ByName
```
Stop-Thing -Name <String> [<CommonParameters>]
```

## DESCRIPTION
Stops the things given, **one request** each, with `DELETE /things/{id}`.

- first point
- second point

## EXAMPLES

### Example 1: Stop one thing
```powershell
Stop-Thing -Id 'a'
```

```
Id Status
-- ------
a  Stopped
```

Stops thing a.

### Example 2: Stop from the pipeline
```powershell
'a', 'b' | Stop-Thing -Force
```

Both are stopped; see [the docs](https://example.org/things).

## PARAMETERS

### -Id
The thing IDs.

```yaml
Type: String[]
Parameter Sets: ById
Aliases: ThingId, Identity

Required: True
Position: 0
Default value: None
Accept pipeline input: True (ByPropertyName, ByValue)
Accept wildcard characters: False
```

### -Name
The thing's name.

```yaml
Type: String
Parameter Sets: ByName
Aliases:

Required: True
Position: Named
Default value: None
Accept pipeline input: False
Accept wildcard characters: True
```

### -Force
Stops without asking.

```yaml
Type: SwitchParameter
Parameter Sets: ById
Aliases:

Required: False
Position: Named
Default value: None
Accept pipeline input: False
Accept wildcard characters: False
```

### CommonParameters
This cmdlet supports the common parameters.

## INPUTS

### System.String
Thing IDs, by value.

## OUTPUTS

### Sample.StopResult
One per stopped thing.

## NOTES
Needs the Operator role.

| Status | Meaning |
|---|---|
| 404 | no such thing |

## RELATED LINKS

[Start-Thing](Start-Thing.md)

[Online docs](https://example.org/stop-thing)
""";

        /// <summary>The sample with <paramref name="original"/> replaced; fails loudly if the sample lacks it, so a test cannot pass vacuously.</summary>
        public static string With(string original, string replacement)
        {
            if (!Text.Contains(original)) throw new System.ArgumentException($"the sample page has no '{original}'");
            return Text.Replace(original, replacement);
        }
    }
}
