//! The outputs of `lede ingest` checked against its inputs before anything is read: an output
//! that is one of the input files, or lies inside an input folder, is refused (it would
//! overwrite a source, or be read as input by the next run) unless it already is a Lede output
//! of that run's kind, which the walk then skips.

use std::path::{Path, PathBuf};

use lede_ingest::walk::lede_output_at;

/// `path` made absolute with its symlinks resolved, as far as it exists: a path not written
/// yet resolves through its nearest existing ancestor.
fn resolved(path: &Path) -> PathBuf {
    if let Ok(p) = path.canonicalize() {
        return p;
    }
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut tail = Vec::new();
    let mut at = absolute.as_path();
    while let Some(parent) = at.parent() {
        tail.push(at.file_name().unwrap_or_default().to_os_string());
        if let Ok(base) = parent.canonicalize() {
            return tail.iter().rev().fold(base, |p, name| p.join(name));
        }
        at = parent;
    }
    absolute
}

/// Checks every output (`what` names it: "the corpus", "the report", …) against the inputs;
/// the error says which output, which input and why.
pub fn check_outputs(inputs: &[PathBuf], outputs: &[(&str, &Path)]) -> Result<(), String> {
    let inputs: Vec<(PathBuf, &PathBuf)> = inputs.iter().map(|p| (resolved(p), p)).collect();
    for (what, output) in outputs {
        let out = resolved(output);
        for (input, given) in &inputs {
            if out == *input {
                return Err(format!(
                    "{what} {} is one of the inputs ({}): writing it would overwrite a source \
                     file; write it elsewhere",
                    output.display(),
                    given.display()
                ));
            }
            if input.is_dir() && out.starts_with(input) {
                if lede_output_at(&out).is_some() {
                    // An earlier run's output: overwritten, and never read as input.
                    continue;
                }
                let why = if out.exists() {
                    "it exists and is not a Lede output, so writing it would overwrite a file \
                     that may be a source"
                } else {
                    "the next run over that folder would read it back as input"
                };
                return Err(format!(
                    "{what} {} is inside the input folder {}: {why}; write it outside the \
                     input folders",
                    output.display(),
                    given.display()
                ));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outputs_among_or_inside_the_inputs_are_refused_unless_lede_outputs() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("a");
        std::fs::create_dir_all(&input).unwrap();
        let source = input.join("x.txt");
        std::fs::write(&source, "Headline\nBody.\n").unwrap();
        let inputs = [input.clone()];

        let err = check_outputs(&inputs, &[("the corpus", &source)]).unwrap_err();
        assert!(err.contains("is inside the input folder"), "{err}");
        assert!(err.contains("not a Lede output"), "{err}");
        let err =
            check_outputs(std::slice::from_ref(&source), &[("the corpus", &source)]).unwrap_err();
        assert!(err.contains("is one of the inputs"), "{err}");
        // Spelled differently, still the same file.
        let dotted = input.join(".").join("x.txt");
        assert!(check_outputs(std::slice::from_ref(&source), &[("the report", &dotted)]).is_err());

        let fresh = input.join("new/corpus.json");
        let err = check_outputs(&inputs, &[("the corpus", &fresh)]).unwrap_err();
        assert!(err.contains("read it back as input"), "{err}");

        let earlier = input.join("corpus.json");
        std::fs::write(
            &earlier,
            "{\"format\":\"lede-corpus\",\"version\":1,\"articles\":[]}",
        )
        .unwrap();
        assert_eq!(check_outputs(&inputs, &[("the corpus", &earlier)]), Ok(()));
        let elsewhere = dir.path().join("out/corpus.json");
        assert_eq!(
            check_outputs(&inputs, &[("the corpus", &elsewhere)]),
            Ok(())
        );
    }
}
