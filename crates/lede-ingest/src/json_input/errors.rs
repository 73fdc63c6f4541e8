//! How JSON problems are worded in the report.

use serde_json::Value;

/// "malformed JSON: " and serde_json's message without its trailing "at line L column C" (the
/// report has both).
pub(super) fn malformed_json(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    let msg = match msg.rfind(" at line ") {
        Some(i) => &msg[..i],
        None => &msg,
    };
    format!("malformed JSON: {msg}")
}

/// "an object", "a string", … for messages.
pub(super) fn kind_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn malformed_json_drops_serdes_position() {
        let e = serde_json::from_str::<Value>("{\"a\" 1}").unwrap_err();
        let msg = malformed_json(&e);
        assert!(msg.starts_with("malformed JSON: expected `:`"), "{msg}");
        assert!(!msg.contains("line"), "{msg}");
        assert_eq!(kind_name(&Value::from(3)), "number");
    }
}
