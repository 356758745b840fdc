using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Masq.Dashboard.Components.Controls;

/// <summary>An SVG <c>&lt;text&gt;</c> element; Razor reserves the <c>text</c> tag, so it is built in code.</summary>
public sealed class SvgText : ComponentBase
{
    [Parameter]
    public double X { get; set; }

    [Parameter]
    public double Y { get; set; }

    [Parameter]
    public string? Class { get; set; }

    [Parameter]
    public string? Text { get; set; }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "text");
        builder.AddAttribute(1, "x", X.ToString("0.#", CultureInfo.InvariantCulture));
        builder.AddAttribute(2, "y", Y.ToString("0.#", CultureInfo.InvariantCulture));
        builder.AddAttribute(3, "class", Class);
        builder.AddContent(4, Text);
        builder.CloseElement();
    }
}
