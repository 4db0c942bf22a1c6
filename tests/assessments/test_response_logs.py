"""Reading response logs in the ASSISTments DKT format: pure Python, no database."""

from __future__ import annotations

import pytest

from assessments.response_logs import ResponseLogError, read_response_log


def write(tmp_path, text, name="builder_train.csv"):
    path = tmp_path / name
    path.write_text(text)
    return path


def test_a_file_is_read_into_one_entry_per_response(tmp_path):
    # given two students: three responses with trailing commas, then two without, and a blank last line
    path = write(tmp_path, "3\n1,1,2,\n1,0,1,\n2\n5,5\n0,1\n\n")

    # when it is read
    log = read_response_log(path)

    # then the responses are in file order, students numbered from 0
    assert log.student.tolist() == [0, 0, 0, 1, 1]
    assert log.skill.tolist() == [1, 1, 2, 5, 5]
    assert log.correct.tolist() == [1, 0, 1, 0, 1]
    assert (log.n_students, log.n_responses) == (2, 5)


def test_of_students_keeps_the_chosen_students_renumbered(tmp_path):
    # given three students
    log = read_response_log(write(tmp_path, "1\n4,\n1,\n2\n5,6,\n0,0,\n1\n7,\n1,\n"))

    # when the first and third are kept
    kept = log.of_students([True, False, True])

    # then their responses remain, as students 0 and 1
    assert kept.student.tolist() == [0, 1]
    assert kept.skill.tolist() == [4, 7]
    assert kept.correct.tolist() == [1, 1]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("7\n1,1,1,1,1,1,1,\n1,0,1,0,1,0,\n", "builder_train.csv line 3: expected 7 correctness values, found 6"),
        ("2\n1,1\n1,0\n3\n4,4,\n1,1,1,\n", "builder_train.csv line 5: expected 3 skill ids, found 2"),
        ("two\n1,1\n1,0\n", "builder_train.csv line 1: expected a positive number of responses, found 'two'"),
        ("0\n\n\n", "builder_train.csv line 1: expected a positive number of responses, found '0'"),
        ("2\n1,x\n1,0\n", "builder_train.csv line 2: skill ids must be whole numbers, found 'x'"),
        ("2\n1,-3\n1,0\n", "builder_train.csv line 2: skill ids must not be negative"),
        ("2\n1,1\n1,2\n", "builder_train.csv line 3: correctness values must be 0 or 1"),
        ("2\n1,1\n1,0\n2\n1,1\n", "builder_train.csv line 5: the file ends in the middle of a student's three lines"),
        ("", "builder_train.csv: the file holds no responses"),
    ],
)
def test_a_malformed_file_names_the_file_and_line(tmp_path, text, message):
    # given a file with one problem
    path = write(tmp_path, text)

    # when it is read
    # then the error names the file and the line
    with pytest.raises(ResponseLogError) as error:
        read_response_log(path)
    assert str(error.value) == message


def test_a_missing_file_is_an_error_naming_it(tmp_path):
    # given a path to no file
    path = tmp_path / "absent.csv"

    # when it is read
    # then the error names the path
    with pytest.raises(ResponseLogError, match="absent.csv: cannot read the file"):
        read_response_log(path)
