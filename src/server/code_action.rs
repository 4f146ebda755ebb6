//! Quick fixes for a finding: use the sourced value, ignore the name project-wide, or
//! silence the finding on its line.
//!
//! 1. "Replace with “Mar. 13”": one action per distinct sourced value the core offers
//!    (`Finding::fixes`, best first; the first is the preferred one).
//! 2. "Add “Teodor Brannok” to ignored names in factline.toml" (name findings): edits
//!    `ignore_names` in the workspace's `factline.toml`, creating the file when it is missing
//!    and the client can create files.
//! 3. "Ignore this date finding on this line": appends `<!-- factline-ignore date -->` to
//!    the line, which the core honours.

use std::collections::HashMap;
use std::path::Path;

use tower_lsp_server::ls_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CreateFile, CreateFileOptions, Diagnostic, DocumentChangeOperation, DocumentChanges,
    OneOf, OptionalVersionedTextDocumentIdentifier, Position, Range as LspRange, ResourceOp, TextDocumentEdit, TextEdit, Uri,
    WorkspaceEdit,
};

use super::convert::{LineMap, PositionEncoding};
use super::documents::CheckedDocument;
use super::state::EngineSnapshot;
use crate::config::Config;
use crate::finding::Kind;

/// What the code actions need to know beyond the check result.
pub struct ActionContext<'a> {
    pub uri: &'a Uri,
    pub encoding: PositionEncoding,
    /// The client applies versioned `documentChanges`.
    pub document_changes: bool,
    /// The client can create a file in a workspace edit.
    pub create_files: bool,
    /// The workspace `factline.toml`: its URI, path, and current text with the open
    /// buffer's version when the client has it open (`None` text: the file does not exist).
    pub config_file: Option<ConfigFile<'a>>,
}

pub struct ConfigFile<'a> {
    pub uri: Uri,
    pub path: &'a Path,
    pub text: Option<String>,
    pub version: Option<i32>,
}

/// The actions for every finding whose range meets `range` (byte offsets of the checked text).
pub fn code_actions(
    checked: &CheckedDocument,
    engine: &EngineSnapshot,
    range: std::ops::Range<usize>,
    context: &ActionContext<'_>,
) -> Vec<CodeActionOrCommand> {
    let map = checked.line_map(context.encoding);
    let mut actions = Vec::new();
    for finding in &checked.report.findings {
        if finding.range.start > range.end || range.start > finding.range.end {
            continue;
        }
        let diagnostic = super::diagnostics::to_diagnostic(finding, checked, engine, context.encoding);
        let finding_range = map.range(&finding.range);
        let mut seen = Vec::new();
        for (rank, fix) in finding.fixes.iter().enumerate() {
            if seen.contains(&fix) || fix == &finding.text {
                continue;
            }
            seen.push(fix);
            actions.push(quick_fix(
                format!("Replace with “{fix}” (as the sources say)"),
                &diagnostic,
                draft_edit(context, checked.version, vec![TextEdit::new(finding_range, fix.clone())]),
                rank == 0,
            ));
        }
        if finding.kind == Kind::Name
            && let Some(edit) = ignore_name_edit(context, &finding.text)
        {
            actions.push(quick_fix(format!("Add “{}” to ignored names in factline.toml", finding.text), &diagnostic, edit, false));
        }
        let line = map.line_content(finding.range.start);
        let comment = format!(" {}", suppression_comment(finding.kind));
        // The checker's own limits are no claim: no comment silences them.
        if finding.kind != Kind::Limit && !checked.text[line.clone()].contains(comment.trim()) {
            let at = map.position(line.end);
            actions.push(quick_fix(
                format!("Ignore this {} finding on this line", finding.kind),
                &diagnostic,
                draft_edit(context, checked.version, vec![TextEdit::new(LspRange::new(at, at), comment)]),
                false,
            ));
        }
    }
    actions
}

fn quick_fix(title: String, diagnostic: &Diagnostic, edit: WorkspaceEdit, preferred: bool) -> CodeActionOrCommand {
    CodeActionOrCommand::CodeAction(CodeAction {
        title,
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![diagnostic.clone()]),
        edit: Some(edit),
        is_preferred: preferred.then_some(true),
        ..CodeAction::default()
    })
}

/// Edits of the draft, versioned when the client supports it (a stale edit is refused).
fn draft_edit(context: &ActionContext<'_>, version: i32, edits: Vec<TextEdit>) -> WorkspaceEdit {
    if context.document_changes {
        WorkspaceEdit {
            document_changes: Some(DocumentChanges::Edits(vec![TextDocumentEdit {
                text_document: OptionalVersionedTextDocumentIdentifier { uri: context.uri.clone(), version: Some(version) },
                edits: edits.into_iter().map(OneOf::Left).collect(),
            }])),
            ..WorkspaceEdit::default()
        }
    } else {
        WorkspaceEdit { changes: Some(HashMap::from([(context.uri.clone(), edits)])), ..WorkspaceEdit::default() }
    }
}

/// The edit adding `name` to `ignore_names` in `factline.toml`, when it can be made safely.
fn ignore_name_edit(context: &ActionContext<'_>, name: &str) -> Option<WorkspaceEdit> {
    let file = context.config_file.as_ref()?;
    let quoted = serde_json::to_string(name).ok()?;
    match &file.text {
        Some(text) => {
            let (offset, insert) = ignore_insertion(text, &quoted)?;
            let mut edited = text.clone();
            edited.insert_str(offset, &insert);
            // Only offer an edit that leaves a valid file that ignores the name.
            let config = Config::from_toml(&edited, file.path).ok()?;
            if !config.is_ignored_name(name) || Config::from_toml(text, file.path).is_ok_and(|old| old.is_ignored_name(name)) {
                return None;
            }
            let lines = super::convert::line_index(text);
            let at = LineMap::new(text, &lines, context.encoding).position(offset);
            let edit = TextEdit::new(LspRange::new(at, at), insert);
            if context.document_changes {
                Some(WorkspaceEdit {
                    document_changes: Some(DocumentChanges::Edits(vec![TextDocumentEdit {
                        text_document: OptionalVersionedTextDocumentIdentifier { uri: file.uri.clone(), version: file.version },
                        edits: vec![OneOf::Left(edit)],
                    }])),
                    ..WorkspaceEdit::default()
                })
            } else {
                Some(WorkspaceEdit { changes: Some(HashMap::from([(file.uri.clone(), vec![edit])])), ..WorkspaceEdit::default() })
            }
        }
        None if context.create_files => Some(WorkspaceEdit {
            document_changes: Some(DocumentChanges::Operations(vec![
                DocumentChangeOperation::Op(ResourceOp::Create(CreateFile {
                    uri: file.uri.clone(),
                    options: Some(CreateFileOptions { overwrite: Some(false), ignore_if_exists: Some(true) }),
                    annotation_id: None,
                })),
                DocumentChangeOperation::Edit(TextDocumentEdit {
                    text_document: OptionalVersionedTextDocumentIdentifier { uri: file.uri.clone(), version: None },
                    edits: vec![OneOf::Left(TextEdit::new(
                        LspRange::new(Position::new(0, 0), Position::new(0, 0)),
                        format!("# factline settings (see docs/server.md)\nignore_names = [{quoted}]\n"),
                    ))],
                }),
            ])),
            ..WorkspaceEdit::default()
        }),
        None => None,
    }
}

/// Where to insert a quoted name into the file's top-level `ignore_names` array (after its
/// `[`), or a new `ignore_names` line at the top of the file (top-level by construction).
fn ignore_insertion(text: &str, quoted: &str) -> Option<(usize, String)> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if trimmed.starts_with('[') {
            break;
        }
        if let Some(rest) = trimmed.strip_prefix("ignore_names") {
            let rest = rest.trim_start();
            if let Some(value) = rest.strip_prefix('=') {
                let bracket = value.find('[')?;
                let after = offset + (line.len() - value.len()) + bracket + 1;
                let empty = text[after..].trim_start().starts_with(']');
                let insert = if empty { quoted.to_string() } else { format!("{quoted}, ") };
                return Some((after, insert));
            }
        }
        offset += line.len();
    }
    Some((0, format!("ignore_names = [{quoted}]\n")))
}

/// The inline comment that silences findings of `kind` on its line.
pub fn suppression_comment(kind: Kind) -> String {
    format!("<!-- factline-ignore {kind} -->")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::server::diagnostics::tests::sample;
    use std::str::FromStr;

    fn apply(text: &str, encoding: PositionEncoding, edit: &TextEdit) -> String {
        let lines = crate::server::convert::line_index(text);
        let range = LineMap::new(text, &lines, encoding).byte_range(edit.range);
        let mut out = text.to_string();
        out.replace_range(range, &edit.new_text);
        out
    }

    fn edits_of(action: &CodeActionOrCommand) -> (String, Vec<TextEdit>) {
        let CodeActionOrCommand::CodeAction(action) = action else { panic!("an action") };
        let edit = action.edit.clone().unwrap();
        let edits = match edit.changes {
            Some(changes) => changes.into_values().flatten().collect(),
            None => match edit.document_changes.unwrap() {
                DocumentChanges::Edits(edits) => edits
                    .into_iter()
                    .flat_map(|e| e.edits)
                    .map(|e| match e {
                        OneOf::Left(edit) => edit,
                        OneOf::Right(annotated) => annotated.text_edit,
                    })
                    .collect(),
                DocumentChanges::Operations(_) => Vec::new(),
            },
        };
        (action.title.clone(), edits)
    }

    #[test]
    fn replace_and_suppress_edit_the_draft_exactly() {
        let (engine, checked, _) = sample();
        let uri = Uri::from_str("file:///ws/draft.md").unwrap();
        let context =
            ActionContext { uri: &uri, encoding: PositionEncoding::Utf16, document_changes: true, create_files: false, config_file: None };
        let range = checked.report.findings[0].range.clone();
        let actions = code_actions(&checked, &engine, range, &context);
        assert_eq!(actions.len(), 2, "replace and suppress (a date finding has no ignore-name action)");
        let (title, edits) = edits_of(&actions[0]);
        assert!(title.contains("Mar. 13"), "{title}");
        assert_eq!(apply(&checked.text, PositionEncoding::Utf16, &edits[0]), "Title\n박민서 😀 — met Orsay on Mar. 13.\n");
        let (_, edits) = edits_of(&actions[1]);
        assert_eq!(
            apply(&checked.text, PositionEncoding::Utf16, &edits[0]),
            "Title\n박민서 😀 — met Orsay on Mar. 14. <!-- factline-ignore date -->\n"
        );
        assert!(code_actions(&checked, &engine, 0..3, &context).is_empty());
    }

    #[test]
    fn one_replace_action_per_distinct_sourced_value_best_first() {
        let (engine, mut checked, _) = sample();
        checked.report.findings[0].fixes = vec!["Mar. 13".into(), "Mar. 12".into(), "Mar. 13".into()];
        let uri = Uri::from_str("file:///ws/draft.md").unwrap();
        let context =
            ActionContext { uri: &uri, encoding: PositionEncoding::Utf8, document_changes: false, create_files: false, config_file: None };
        let range = checked.report.findings[0].range.clone();
        let actions = code_actions(&checked, &engine, range, &context);
        let titles: Vec<String> = actions.iter().map(|action| edits_of(action).0).collect();
        assert_eq!(titles.len(), 3, "{titles:?}");
        assert!(titles[0].contains("Mar. 13") && titles[1].contains("Mar. 12"), "{titles:?}");
        let CodeActionOrCommand::CodeAction(first) = &actions[0] else { panic!("an action") };
        let CodeActionOrCommand::CodeAction(second) = &actions[1] else { panic!("an action") };
        assert_eq!(first.is_preferred, Some(true));
        assert_eq!(second.is_preferred, None);
        let (_, edits) = edits_of(&actions[1]);
        assert_eq!(apply(&checked.text, PositionEncoding::Utf8, &edits[0]), "Title\n박민서 😀 — met Orsay on Mar. 12.\n");
    }

    #[test]
    fn ignore_names_insertion_keeps_the_file_valid() {
        let quoted = "\"Teodor Brannok\"";
        let cases = [
            ("", "ignore_names = [\"Teodor Brannok\"]\n"),
            (
                "corpus = [\"c\"]\n[severity]\ndate = \"error\"\n",
                "ignore_names = [\"Teodor Brannok\"]\ncorpus = [\"c\"]\n[severity]\ndate = \"error\"\n",
            ),
            ("ignore_names = []\n", "ignore_names = [\"Teodor Brannok\"]\n"),
            ("ignore_names = [\n  \"Pak\",\n]\n", "ignore_names = [\"Teodor Brannok\", \n  \"Pak\",\n]\n"),
        ];
        for (before, after) in cases {
            let (offset, insert) = ignore_insertion(before, quoted).unwrap();
            let mut edited = before.to_string();
            edited.insert_str(offset, &insert);
            assert_eq!(edited, after);
            assert!(Config::from_toml(&edited, Path::new("/ws/factline.toml")).unwrap().is_ignored_name("teodor brannok"));
        }
    }
}
