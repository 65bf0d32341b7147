//! Two O_DIRECT object stores on tokio behind the odirect adapter protocol: the s3dlio note's
//! streaming writer as it was (the seed) and the note's Option A fix. They share everything but
//! how a stream is written.
pub mod aligned;
pub mod failure;
pub mod keys;
pub mod protocol;
pub mod reads;
pub mod sys;
