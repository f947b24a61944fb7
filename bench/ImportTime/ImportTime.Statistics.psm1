# Order statistics of paired import timings. Medians and quartiles, not means: one round that met a burst of load moves
# a mean by tens of milliseconds and a median not at all.

function Get-Quantile {
    # Linear interpolation between the order statistics (the usual "type 7" quantile): the median of 1..4 is 2.5.
    param([Parameter(Mandatory)] [double[]] $Values, [Parameter(Mandatory)] [ValidateRange(0, 1)] [double] $Q)
    $sorted = [double[]]($Values | Sort-Object)
    $position = $Q * ($sorted.Count - 1)
    $low = [math]::Floor($position)
    $high = [math]::Min($low + 1, $sorted.Count - 1)
    $sorted[$low] + ($position - $low) * ($sorted[$high] - $sorted[$low])
}

function Get-PairedSummary {
    # Round i of Subject and round i of Baseline ran side by side: the differences cancel what the round shared.
    param([Parameter(Mandatory)] [double[]] $Subject, [Parameter(Mandatory)] [double[]] $Baseline)
    if ($Subject.Count -ne $Baseline.Count) { throw "Paired series differ in length: $($Subject.Count) and $($Baseline.Count)." }
    $differences = [double[]]::new($Subject.Count)
    for ($i = 0; $i -lt $Subject.Count; $i++) { $differences[$i] = $Subject[$i] - $Baseline[$i] }
    [pscustomobject]@{
        Median = Get-Quantile $differences 0.5
        Q1     = Get-Quantile $differences 0.25
        Q3     = Get-Quantile $differences 0.75
    }
}

Export-ModuleMember -Function Get-Quantile, Get-PairedSummary
