"""The teacher's pages over daily paths, by audience: `learner` for one student's page and the changes to their
path, `section` for a section's review, small groups, assigning and units. The student's own pages are in
`playlists.student_views`."""
