using System.Globalization;
using Duban.Core.Tracking.Attainment;

namespace Duban.Web.Components.Pages.Tracking;

/// <summary>How targets and their values read on the pages.</summary>
public static class TargetText
{
    public static string Unit(string unit) => unit == TargetFacts.RatioUnit ? "比例" : unit;

    /// <summary>A value without trailing zeros (12.50 → 12.5), as it was typed.</summary>
    public static string Number(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    public static string Badge(TargetStatus status) => status switch
    {
        TargetStatus.Achieved => "text-bg-success",
        TargetStatus.OnTrack => "text-bg-primary",
        TargetStatus.Lagging => "text-bg-danger",
        _ => "text-bg-secondary",
    };
}
