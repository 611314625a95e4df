# The words of the report and table views: column headers, legends, notes.
