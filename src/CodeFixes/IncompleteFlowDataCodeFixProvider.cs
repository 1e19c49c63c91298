namespace Accrue.Portal.CodeFixes
{
    /// <summary>
    /// PORTAL006: create the missing sub-options and fill the required field from a string variable in scope named
    /// for it (<c>Subscription</c> ← <c>subscriptionId</c> or <c>subscription</c>). No such variable, no fix.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(IncompleteFlowDataCodeFixProvider))]
    [Shared]
    public sealed class IncompleteFlowDataCodeFixProvider() : PortalCodeFixProvider(PortalDiagnostics.IncompleteFlowData)
    {
        public const string CreateSubOptionsKey = "PORTAL006.CreateSubOptions";

        private protected override Task RegisterFixesAsync(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SemanticModel semanticModel)
        {
            if (!diagnostic.Properties.TryGetValue(IncompleteFlowDataAnalyzer.MissingMembersProperty, out var members) || members is null
                || diagnostic.AdditionalLocations.Count != 1 || diagnostic.AdditionalLocations[0].SourceTree != root.SyntaxTree
                || InitializerEditor.FindCreation(root, diagnostic.AdditionalLocations[0].SourceSpan) is not { } creation
                || semanticModel.GetTypeInfo(creation, context.CancellationToken).Type is not { } type)
            {
                return Task.CompletedTask;
            }

            var names = members.Split('.');
            var value = FindValueInScope(semanticModel, creation.SpanStart, names[names.Length - 1]);
            var member = value is null ? null : BuildMember(semanticModel, creation.SpanStart, type, names, value);
            if (member is not null)
            {
                var span = creation.Span;
                context.RegisterCodeFix(
                    CodeAction.Create($"Set {members} = {value}", ct => InitializerEditor.AddMemberAsync(context.Document, span, member, ct), CreateSubOptionsKey),
                    diagnostic);
            }

            return Task.CompletedTask;
        }

        /// <summary>The one string parameter or earlier local named <c>field</c> or <c>fieldId</c> (any case).</summary>
        private static string? FindValueInScope(SemanticModel semanticModel, int position, string field)
        {
            var candidates = semanticModel.LookupSymbols(position)
                .Where(s => (s is IParameterSymbol { Type.SpecialType: SpecialType.System_String })
                            || (s is ILocalSymbol { Type.SpecialType: SpecialType.System_String } local && local.Locations.All(l => l.SourceSpan.End <= position)))
                .Where(s => string.Equals(s.Name, field, StringComparison.OrdinalIgnoreCase) || string.Equals(s.Name, field + "Id", StringComparison.OrdinalIgnoreCase))
                .ToList();
            return candidates.Count == 1 ? candidates[0].Name : null;
        }

        /// <summary><c>A = new TA { B = value }</c> for the chain A.B under <paramref name="type"/>.</summary>
        private static string? BuildMember(SemanticModel semanticModel, int position, ITypeSymbol type, string[] names, string value)
        {
            var properties = new IPropertySymbol[names.Length];
            var current = type;
            for (var i = 0; i < names.Length; i++)
            {
                if (current.GetMembers(names[i]).OfType<IPropertySymbol>().FirstOrDefault() is not { } property)
                {
                    return null;
                }

                properties[i] = property;
                current = property.Type;
            }

            var member = names[names.Length - 1] + " = " + value;
            for (var i = names.Length - 2; i >= 0; i--)
            {
                member = $"{names[i]} = new {properties[i].Type.ToMinimalDisplayString(semanticModel, position)} {{ {member} }}";
            }

            return member;
        }
    }
}
